package io.github.walletdevice.thredd;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock listener recording every request body as it arrives, before any stub delays or holds it, so that a
 * test can read what the server received while the client is still waiting.
 */
final class ArrivalRecorder implements ServeEventListener {
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
        return "arrivals";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        bodies.add(serveEvent.getRequest().getBodyAsString());
    }

    /** The bodies received since the last {@link #clear()}, in arrival order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** The WSIDs of the requests received since the last {@link #clear()}. */
    List<Long> wsids() {
        return bodies.stream().map(ThreddServer::wsidOf).toList();
    }

    void clear() {
        bodies.clear();
    }
}
