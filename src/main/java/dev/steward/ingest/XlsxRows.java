package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the rows of every sheet of an XLSX workbook with POI's SAX event API (memory holds one row, not the
 * workbook). Dates formatted as dates come out as ISO text.
 */
public final class XlsxRows {

    /** Receives rows sheet by sheet. Row numbers are 1-based as Excel shows them. */
    public interface Handler {
        void sheet(String name);

        void row(long rowNumber, List<String> cells);
    }

    private XlsxRows() {
    }

    public static void read(String file, InputStream in, Handler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    handler.sheet(sheets.getSheetName());
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                            new IsoDates(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof IngestException ie) {
                throw ie;
            }
            throw new IngestException(file + ": not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Handler handler;
        private List<String> cells = new ArrayList<>();

        Rows(Handler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1L, cells);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new CellReference(ref).getCol();
            while (cells.size() < col) {
                cells.add(null);
            }
            cells.add(value);
        }
    }

    /** Formats date cells as ISO dates / date-times so they parse like the text formats. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)
                    && org.apache.poi.ss.usermodel.DateUtil.isValidExcelDate(value)) {
                java.time.LocalDateTime t = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value);
                return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t + "Z";
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
