package io.github.walletdevice.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request.Builder;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline: what an integrator would write by hand for one getCardCommands call: a record, Jackson data
 * binding (reader and writer made once), and a plain OkHttp or JDK {@code HttpClient} POST. No validation, no
 * retries, no deadline, no logging.
 */
abstract class HandWrittenGateway implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final ObjectWriter WRITER = MAPPER.writerFor(Request.class);
    static final ObjectReader READER = MAPPER.readerFor(Answer.class);

    /** The request fields, in the order the SDK writes them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String issuerId, String cardId, String purchaseId, String deviceId, String operation) {
    }

    /** One command of the answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Command(String commandId, String command) {
    }

    /** The TES's answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(int statusCode, String statusMessage, List<Command> commands, Long balance) {
    }

    abstract Answer getCardCommands(Request request);

    @Override
    public abstract void close();

    static HandWrittenGateway of(String transport, URI endpoint) {
        return switch (transport) {
            case "okhttp" -> new OnOkHttp(endpoint);
            case "jdk" -> new OnJdk(endpoint);
            default -> throw new IllegalArgumentException("transport " + transport);
        };
    }

    static byte[] write(Request request) {
        try {
            return WRITER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer read(byte[] body) {
        try {
            return READER.readValue(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OkHttp with its defaults, as the OkHttp README shows it. */
    static final class OnOkHttp extends HandWrittenGateway {
        private static final MediaType JSON = MediaType.get("application/json");
        private final OkHttpClient client;
        private final String url;

        OnOkHttp(URI endpoint) {
            this(endpoint, new OkHttpClient());
        }

        OnOkHttp(URI endpoint, OkHttpClient client) {
            this.client = client;
            this.url = endpoint.toString();
        }

        @Override
        Answer getCardCommands(Request request) {
            okhttp3.Request http = new Builder().url(url)
                    .header("Accept", "application/json")
                    .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                    .post(RequestBody.create(write(request), JSON))
                    .build();
            try (Response response = client.newCall(http).execute()) {
                if (!response.isSuccessful()) {
                    throw new IllegalStateException("HTTP " + response.code());
                }
                return read(response.body().bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** The JDK's HttpClient on HTTP/1.1, as the SDK's JDK transport uses it. */
    static final class OnJdk extends HandWrittenGateway {
        private final HttpClient client;
        private final URI endpoint;

        OnJdk(URI endpoint) {
            this(endpoint, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        OnJdk(URI endpoint, HttpClient client) {
            this.endpoint = endpoint;
            this.client = client;
        }

        @Override
        Answer getCardCommands(Request request) {
            java.net.http.HttpRequest http = java.net.http.HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("x-actor-id", GatewayFixtures.ACTOR_ID)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(write(request)))
                    .build();
            try {
                java.net.http.HttpResponse<byte[]> response = client.send(http,
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return read(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            // JDK 17's HttpClient has no close(); its threads end once it is unreachable.
        }
    }
}
