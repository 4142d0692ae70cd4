package id.rekam.app.receipt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;

/** Sends a receipt, held in memory, to the default printer. Call off the FX thread. */
public final class ReceiptPrinter {

    /** @return false when this machine has no printer (it can be reprinted from the record later) */
    public boolean print(byte[] pdf) throws IOException, PrinterException {
        PrinterJob job = PrinterJob.getPrinterJob();
        if (job.getPrintService() == null) {
            return false;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            job.setPageable(new PDFPageable(doc));
            job.setJobName("rekam tanda terima");
            job.print();
            return true;
        }
    }
}
