package io.aura.app.web.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: the fuzzer must be able to send what a
 * well-behaved client library refuses to (malformed percent escapes, raw control bytes, wrong
 * lengths). The answer's time is measured to its status line and headers, which is what a caller
 * waits for; a streaming answer (server-sent events) is cut off after its headers.
 */
public final class RawHttp {
    private static final int READ_LIMIT = 256 * 1024;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Answer(int status, Map<String, String> headers, String body, long millisToHeaders) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json") && body.contains("\"status\"");
        }
    }

    /** Sends {@code target} (path and query exactly as given) with the headers and body; never follows redirects. */
    public Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(("Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            headers.forEach((name, value) -> request.writeBytes((name + ": " + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before reading the whole body (a header it refuses): read that answer
            }
            return read(socket.getInputStream(), start);
        }
    }

    private static Answer read(InputStream in, long start) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int previous = -1;
        int newlines = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before the answer's headers ended: " + head);
            }
            head.write(b);
            if (b == '\n') {
                newlines = previous == '\r' || previous == '\n' ? newlines + 1 : 1;
                if (newlines == 2) {
                    break;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
            previous = b;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String type = headers.getOrDefault("content-type", "");
        if (type.startsWith("text/event-stream")) {
            return new Answer(status, headers, "", millis); // a stream: what matters is that it answered
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0 && body.size() < READ_LIMIT) {
                body.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // a body that never ends is cut off; the status and headers are what the fuzzer judges
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), millis);
    }
}
