package io.github.walletdevice.gateway.server;

import io.github.walletdevice.core.Fields;
import io.github.walletdevice.core.ValidationException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GatewayServer} as a Jakarta Servlet (Servlet 6: Tomcat 10.1+, Jetty 12 ee10+, Spring Boot 3+). Register
 * it for the base path, e.g. {@code /tes/devicegtwapi/1/0/*}; the path it routes on is the request's path within the
 * application (the request URI without the context path), so the base path of the {@link GatewayServer} is that path.
 * Every method reaches it, so that a method other than {@code POST} gets the server's 405.
 */
public final class GatewayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient GatewayServer gateway;

    /**
     * A servlet serving a gateway server.
     *
     * @param gateway the server
     * @throws ValidationException naming {@code gateway} when it is {@code null}
     */
    public GatewayServlet(GatewayServer gateway) {
        this.gateway = Fields.required("gateway", gateway);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(GatewayServer.MAX_BODY_BYTES + 1);
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ServerResponse answer = gateway.handle(new ServerRequest(request.getMethod(), path, headers, body));
        response.setStatus(answer.status());
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        // A known length and one write: the container sends headers and body together.
        response.setContentLength(answer.body().length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(answer.body());
        }
    }
}
