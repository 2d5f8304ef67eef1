package io.github.walletdevice.benchmarks;

import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * An OkHttp client whose application interceptor answers every call itself: OkHttp's call machinery runs, the
 * network does not. It lets the cost of the SDK's OkHttp transport be measured without loopback's scheduling noise.
 */
final class StubOkHttp {
    private StubOkHttp() {
    }

    /**
     * A client answering each request body with {@code answer}.
     *
     * @param contentType the answers' media type
     * @param answer the answer body for a request body
     * @return a new client
     */
    static OkHttpClient client(String contentType, UnaryOperator<byte[]> answer) {
        MediaType type = MediaType.get(contentType);
        return new OkHttpClient.Builder().addInterceptor(chain -> {
            Buffer sent = new Buffer();
            if (chain.request().body() != null) {
                chain.request().body().writeTo(sent);
            }
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200)
                    .message("OK").body(ResponseBody.create(answer.apply(sent.readByteArray()), type)).build();
        }).build();
    }
}
