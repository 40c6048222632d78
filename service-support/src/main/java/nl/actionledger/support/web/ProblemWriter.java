package nl.actionledger.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code errorCode}, and writes them where no controller
 * advice reaches (the security filters).
 */
@Component
public class ProblemWriter {

    public static final String ERROR_CODE = "errorCode";
    private static final String TYPE_BASE = "https://action-ledger.example/problems/";

    private final JsonMapper jsonMapper;
    private final Refusals refusals;

    public ProblemWriter(JsonMapper jsonMapper, Refusals refusals) {
        this.jsonMapper = jsonMapper;
        this.refusals = refusals;
    }

    public static ProblemDetail problem(HttpStatus status, String errorCode, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(
                URI.create(TYPE_BASE + errorCode.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty(ERROR_CODE, errorCode);
        return problem;
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String errorCode,
            String detail)
            throws IOException {
        ProblemDetail problem = problem(status, errorCode, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        body.put(ERROR_CODE, errorCode);
        refusals.count(status.value(), errorCode);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), body);
    }
}
