package jp.iinj.httpapi.core.openapi;

import java.util.List;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * Each operation of a platform API document, after its annotations were read:
 * <ul>
 *   <li><b>security</b>: the access token ({@link ApiDocumentConventions#ACCESS_TOKEN}) unless the operation is
 *       {@link Anonymous} ({@code security: []});</li>
 *   <li><b>the errors every such operation may get</b>, where its annotations do not describe them more
 *       precisely: 401 and 403 with an access token, 400 and 413 with a request body;</li>
 *   <li><b>every error answer</b> (4xx, 5xx) is {@code application/problem+json} with the
 *       {@link ApiDocumentConventions#PROBLEM} schema, so controllers declare an error by its status and an
 *       operation-specific description only: {@code @ApiResponse(responseCode = "404", description = "No such
 *       organisation")}.</li>
 * </ul>
 */
public final class OperationConventions implements GlobalOperationCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocumentConventions.ACCESS_TOKEN)));
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        if (!operation.getSecurity().isEmpty()) {
            addIfAbsent(responses, HttpStatus.UNAUTHORIZED, "No access token, or one that is invalid or expired");
            addIfAbsent(responses, HttpStatus.FORBIDDEN, "The access token does not allow this");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, HttpStatus.BAD_REQUEST, "Invalid request: see errors[].field");
            addIfAbsent(responses, HttpStatus.CONTENT_TOO_LARGE, "Body too large");
        }
        responses.forEach((status, response) -> {
            if (isError(status)) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    /** 4xx and 5xx, also as ranges (4XX). */
    static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void addIfAbsent(ApiResponses responses, HttpStatus status, String description) {
        responses.computeIfAbsent(String.valueOf(status.value()), code -> new ApiResponse().description(description));
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(ApiDocumentConventions.PROBLEM_REF)));
    }
}
