package id.rekam.app.receipt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Path;

/** Sends a saved receipt to the default printer. Call off the FX thread. */
public final class ReceiptPrinter {

    /** @return false when this machine has no printer (the PDF stays saved for later) */
    public boolean print(Path pdf) throws IOException, PrinterException {
        PrinterJob job = PrinterJob.getPrinterJob();
        if (job.getPrintService() == null) {
            return false;
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            job.setPageable(new PDFPageable(doc));
            job.setJobName("rekam tanda terima");
            job.print();
            return true;
        }
    }
}
