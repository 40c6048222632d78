package nl.actionledger.query.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A spreadsheet as an Excel workbook: one sheet, the column names in the first row. Numbers become number cells, so
 * that Excel can sum them; everything else a text cell. A text cell is never a formula, whatever it starts with, so
 * user input needs no guard here (unlike {@link Csv}).
 */
public final class Xlsx {

    private Xlsx() {}

    public static byte[] write(String sheetName, List<String> header, List<List<?>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            fill(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                fill(sheet.createRow(i + 1), rows.get(i));
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a workbook in memory", e);
        }
    }

    private static void fill(Row row, List<?> cells) {
        for (int column = 0; column < cells.size(); column++) {
            Object value = cells.get(column);
            if (value instanceof Number number) {
                row.createCell(column).setCellValue(number.doubleValue());
            } else if (value != null) {
                row.createCell(column).setCellValue(value.toString());
            }
        }
    }
}
