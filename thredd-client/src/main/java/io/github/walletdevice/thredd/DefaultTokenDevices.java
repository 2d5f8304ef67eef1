package io.github.walletdevice.thredd;

import io.github.walletdevice.core.HttpStatusException;
import io.github.walletdevice.core.MalformedResponseException;
import io.github.walletdevice.core.TransportException;
import io.github.walletdevice.core.ValidationException;
import io.github.walletdevice.core.WalletDeviceException;
import io.github.walletdevice.core.internal.Attempt;
import io.github.walletdevice.core.internal.Call;
import io.github.walletdevice.core.internal.CallPipeline;
import io.github.walletdevice.core.HttpRequest;
import io.github.walletdevice.core.HttpResponse;
import io.github.walletdevice.thredd.internal.Credentials;
import io.github.walletdevice.thredd.internal.SoapRequestEncoder;
import io.github.walletdevice.thredd.internal.ThreddWire;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operations behind {@link ThreddClient#tokenDevices()}. */
final class DefaultTokenDevices implements TokenDevices {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.walletdevice.thredd");

    private final CallPipeline pipeline;
    private final URI endpoint;
    private final SoapVersion soapVersion;
    private final Credentials credentials;
    private final String defaultIssCode;
    private final LongSupplier wsids;
    private final ResponseDecoder decoder;
    private final TokenIdElement tokenIdElement;

    DefaultTokenDevices(CallPipeline pipeline, URI endpoint, SoapVersion soapVersion, Credentials credentials,
                        String defaultIssCode, LongSupplier wsids, TokenIdElement tokenIdElement) {
        this.tokenIdElement = tokenIdElement;
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.soapVersion = soapVersion;
        this.credentials = credentials;
        this.defaultIssCode = defaultIssCode;
        this.wsids = wsids;
        this.decoder = new ResponseDecoder(credentials);
    }

    @Override
    public TokenDeviceList list(TokenRef token) {
        return list(defaultIssCode(), token);
    }

    @Override
    public TokenDeviceList list(String issCode, TokenRef token) {
        Exchange ex = new Exchange(new TokenDeviceRequest(Func.LIST, issCode, token, null));
        return toList(ex, send(ex));
    }

    @Override
    public CompletableFuture<TokenDeviceList> listAsync(TokenRef token) {
        return async(() -> new Exchange(new TokenDeviceRequest(Func.LIST, defaultIssCode(), token, null)),
                this::toList);
    }

    @Override
    public CompletableFuture<TokenDeviceList> listAsync(String issCode, TokenRef token) {
        return async(() -> new Exchange(new TokenDeviceRequest(Func.LIST, issCode, token, null)), this::toList);
    }

    @Override
    public UnbindResult unbind(TokenRef token, String deviceIndex) {
        return unbind(defaultIssCode(), token, deviceIndex);
    }

    @Override
    public UnbindResult unbind(String issCode, TokenRef token, String deviceIndex) {
        Exchange ex = new Exchange(new TokenDeviceRequest(Func.UNBIND, issCode, token, deviceIndex));
        return toUnbind(ex, send(ex));
    }

    @Override
    public CompletableFuture<UnbindResult> unbindAsync(TokenRef token, String deviceIndex) {
        return async(() -> new Exchange(new TokenDeviceRequest(Func.UNBIND, defaultIssCode(), token, deviceIndex)),
                this::toUnbind);
    }

    @Override
    public CompletableFuture<UnbindResult> unbindAsync(String issCode, TokenRef token, String deviceIndex) {
        return async(() -> new Exchange(new TokenDeviceRequest(Func.UNBIND, issCode, token, deviceIndex)),
                this::toUnbind);
    }

    private String defaultIssCode() {
        if (defaultIssCode == null) {
            throw new ValidationException("IssCode", "given, as no default IssCode was set on the client builder",
                    null);
        }
        return defaultIssCode;
    }

    private HttpResponse send(Exchange ex) {
        try {
            return pipeline.execute(ex.call());
        } catch (TransportException e) {
            throw onTransportFailure(ex, e);
        }
    }

    private <T> CompletableFuture<T> async(Supplier<Exchange> prepare, BiFunction<Exchange, HttpResponse, T> map) {
        Exchange ex;
        try {
            ex = prepare.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // The pipeline's future is the caller's: cancelling or completing it (orTimeout) aborts the exchange.
        return pipeline.executeAsync(ex.call(), response -> map.apply(ex, response),
                e -> e instanceof TransportException te ? onTransportFailure(ex, te) : e);
    }

    private RuntimeException onTransportFailure(Exchange ex, TransportException e) {
        if (ex.request.func() == Func.UNBIND && e.isRequestSent()) {
            return outcomeUnknown(ex, e);
        }
        return e;
    }

    private TokenDeviceList toList(Exchange ex, HttpResponse response) {
        ThreddAnswer a = decoder.decode(Func.LIST, ex.wsid(), response, ex.request.sentValues());
        String issCode = a.issCode() != null ? a.issCode() : ex.request.issCode();
        ActionCode code = ActionCode.fromCode(a.actionCode());
        log(ex, a);
        if (code == ActionCode.SUCCESS) {
            return new TokenDeviceList(a.wsid(), issCode, a.actionCode(), a.devices());
        }
        if (code == ActionCode.NO_DEVICES) {
            return new TokenDeviceList(a.wsid(), issCode, a.actionCode(), List.of());
        }
        throw new ThreddActionException(Func.LIST.operation, a.actionCode(), a.wsid(), ex.request.issCode());
    }

    private UnbindResult toUnbind(Exchange ex, HttpResponse response) {
        ThreddAnswer a;
        try {
            a = decoder.decode(Func.UNBIND, ex.wsid(), response, ex.request.sentValues());
        } catch (HttpStatusException e) {
            if (e.statusCode() >= 500) {
                throw outcomeUnknown(ex, e);
            }
            throw e;
        } catch (MalformedResponseException e) {
            throw outcomeUnknown(ex, e);
        } catch (SoapFaultException e) {
            // A Receiver/Server fault is how ASMX reports a crash while processing: Thredd may have acted. A
            // Sender/Client fault rejected the request unread, so nothing was done.
            if (!e.isSenderFault()) {
                throw outcomeUnknown(ex, e);
            }
            throw e;
        }
        String issCode = a.issCode() != null ? a.issCode() : ex.request.issCode();
        ActionCode code = ActionCode.fromCode(a.actionCode());
        log(ex, a);
        if (code == ActionCode.SUCCESS || code == ActionCode.DEVICE_ALREADY_UNBOUND) {
            return new UnbindResult(a.wsid(), issCode, ex.request.deviceIndex(), a.actionCode());
        }
        throw new ThreddActionException(Func.UNBIND.operation, a.actionCode(), a.wsid(), ex.request.issCode());
    }

    private UnbindOutcomeUnknownException outcomeUnknown(Exchange ex, WalletDeviceException cause) {
        return new UnbindOutcomeUnknownException(ex.wsid(), ex.request.issCode(), ex.request.token(),
                ex.request.deviceIndex(), cause);
    }

    private static void log(Exchange ex, ThreddAnswer a) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} wsid={} issCode={} token={} deviceIndex={} actionCode={} devices={}",
                    ex.request.func().operation, a.wsid(), ex.request.issCode(), ex.request.token(),
                    ex.request.deviceIndex(), a.actionCode(), a.devices().size());
        }
    }

    /** The HTTP request carrying an envelope, with the content type and action of its SOAP version. */
    static HttpRequest httpRequest(URI endpoint, SoapVersion version, byte[] envelope) {
        HttpRequest.Builder b = HttpRequest.builder().method("POST").uri(endpoint).body(envelope);
        if (version == SoapVersion.SOAP_1_2) {
            b.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + ThreddWire.ACTION + "\"");
        } else {
            b.header("Content-Type", "text/xml; charset=utf-8");
            b.header("SOAPAction", "\"" + ThreddWire.ACTION + "\"");
        }
        return b.build();
    }

    /** One logical call: its validated request and the WSID of its latest attempt. */
    private final class Exchange {
        final TokenDeviceRequest request;
        private final long firstWsid;
        private final AtomicLong currentWsid = new AtomicLong();

        Exchange(TokenDeviceRequest request) {
            this.request = request;
            // Drawn and checked now, so that a bad WSID supplier fails before anything is sent.
            this.firstWsid = TokenDeviceRequest.checkWsid(wsids.getAsLong());
            this.currentWsid.set(firstWsid);
        }

        long wsid() {
            return currentWsid.get();
        }

        Call call() {
            return new Call(request.func().operation, request.func().kind,
                    n -> attempt(n == 1 ? firstWsid : TokenDeviceRequest.checkWsid(wsids.getAsLong())),
                    request.sentValues());
        }

        private Attempt attempt(long wsid) {
            currentWsid.set(wsid);
            byte[] envelope = SoapRequestEncoder.encode(soapVersion.envelopeNamespace(), credentials,
                    request.toElement(wsid, tokenIdElement));
            return new Attempt(httpRequest(endpoint, soapVersion, envelope),
                    Long.toString(wsid));
        }
    }
}
