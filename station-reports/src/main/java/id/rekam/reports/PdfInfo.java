package id.rekam.reports;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/** Document information fixed from what the document is about, so the same data renders to the same bytes. */
final class PdfInfo {

    private PdfInfo() {
    }

    /** The finished document as bytes, in memory only. */
    static byte[] save(PDDocument doc) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    static void fix(PDDocument doc, String title, String subject, Instant createdAt, String identity) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setCreator("rekam station");
        info.setProducer("rekam station-reports (Apache PDFBox)");
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.setTimeInMillis(createdAt.toEpochMilli());
        info.setCreationDate(c);
        info.setModificationDate(c);
        byte[] id;
        try {
            id = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        byte[] half = Arrays.copyOf(id, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(half));
        ids.add(new COSString(half));
        doc.getDocument().setDocumentID(ids);
    }
}
