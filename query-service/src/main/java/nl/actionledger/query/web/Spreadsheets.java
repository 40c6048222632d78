package nl.actionledger.query.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import nl.actionledger.query.refusals.BadQueryException;
import nl.actionledger.query.time.PlanTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer of a read as a spreadsheet to download: {@code ?format=csv} (or {@code xlsx} where offered), because a
 * browser's address bar and Excel's "From Web" cannot set {@code Accept}. It comes as an attachment with a file name
 * that says what it holds, so that a browser saves it rather than shows it.
 */
public final class Spreadsheets {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** The forms a read may be asked for with {@code ?format=}. */
    public enum Format {
        JSON,
        CSV,
        XLSX;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private Spreadsheets() {}

    /**
     * @param text    the {@code format} parameter; absent or blank is JSON
     * @param offered the forms this endpoint has
     * @throws BadQueryException {@code UNSUPPORTED_FORMAT} for anything else
     */
    public static Format format(String text, Format... offered) {
        if (text == null || text.isBlank()) {
            return Format.JSON;
        }
        for (Format format : offered) {
            if (format.extension().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Format format : offered) {
            names.append(names.isEmpty() ? "" : ", ").append(format.extension());
        }
        throw new BadQueryException("UNSUPPORTED_FORMAT", "'format' must be one of: " + names + ".");
    }

    /**
     * The 200 answer of a file to download, its content type set; callers may add headers before the body.
     *
     * @param baseName ASCII only ({@link #fileNamePart(String)}), so the plain {@code filename} parameter suffices
     */
    public static ResponseEntity.BodyBuilder download(Format format, String baseName) {
        String fileName = baseName + "." + format.extension();
        return ResponseEntity.ok()
                .contentType(format == Format.XLSX ? XLSX : CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString());
    }

    /**
     * An instant as a part of a file name: the date for the end of a day in the Netherlands (how a date parameter is
     * read, so {@code to=2026-06-30} gives {@code 2026-06-30}), else the local time to the second, without the colons
     * that Windows refuses in file names.
     */
    public static String fileNamePart(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, PlanTime.PLAN_ZONE);
        if (instant.equals(PlanTime.endOfDay(local.toLocalDate()))) {
            return local.toLocalDate().toString();
        }
        return local.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss"));
    }

    /** A path value (a plan id) as a part of a file name: anything but letters, digits, '.', '_' and '-' becomes '_'. */
    public static String fileNamePart(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
