package org.varflow.serve.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.util.Map;

/** JSON in and out: compact (the page parses it), UTF-8, never served as HTML. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final String TYPE = "application/json; charset=utf-8";

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static void send(Context ctx, int status, Object value) {
        ctx.status(status).contentType(TYPE).result(write(value));
    }

    static void error(Context ctx, int status, String message) {
        send(ctx, status, Map.of("error", message, "status", status));
    }
}
