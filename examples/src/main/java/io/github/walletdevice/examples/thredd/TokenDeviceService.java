package io.github.walletdevice.examples.thredd;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the simulated Thredd does with a request, in Thredd's order of checks, answering with its real action
 * codes: credentials (997 user name empty, 998 password empty, 999 wrong), WSID (800 missing, 613 not 1–19 digits,
 * 868 already used), IssCode (801 missing, 406 not the credentials' one), Func (850 missing, 217 not 00/01),
 * token (216 neither DPAN nor payment token id, 210 bad DPAN, 211 bad token id, 214 unknown, 212 DPAN and token
 * id of different tokens), then list (000, or 218 without devices) or unbind (221 no index, 219 not in the list,
 * 220 already unbound, 000 unbound). Thread-safe.
 */
public final class TokenDeviceService {
    /**
     * The answer to one request.
     *
     * @param wsid the WSID to echo, as received
     * @param issCode the IssCode to echo, as received
     * @param actionCode the action code
     * @param devices the devices to list (list with 000 only)
     */
    public record Answer(String wsid, String issCode, String actionCode, List<SimulatedDevice> devices) {
        /**
         * Copies the devices.
         *
         * @param wsid the WSID
         * @param issCode the IssCode
         * @param actionCode the action code
         * @param devices the devices
         */
        public Answer {
            devices = List.copyOf(devices);
        }
    }

    private final String userName;
    private final String password;
    private final String issCode;
    private final Clock clock;
    private final List<SimulatedToken> tokens;
    private final Set<String> usedWsids = new HashSet<>();

    /**
     * Creates the service.
     *
     * @param userName the accepted user name
     * @param password the accepted password
     * @param issCode the IssCode these credentials belong to
     * @param tokens the tokens it starts with
     * @param clock the clock for status dates
     */
    public TokenDeviceService(String userName, String password, String issCode, List<SimulatedToken> tokens,
                              Clock clock) {
        this.userName = Objects.requireNonNull(userName, "userName");
        this.password = Objects.requireNonNull(password, "password");
        this.issCode = Objects.requireNonNull(issCode, "issCode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new ArrayList<>(tokens);
    }

    /**
     * The tokens as they are now.
     *
     * @return a snapshot
     */
    public synchronized List<SimulatedToken> tokens() {
        return List.copyOf(tokens);
    }

    /**
     * Answers one request.
     *
     * @param r the request
     * @return the answer
     */
    public synchronized Answer handle(IncomingRequest r) {
        String code = check(r);
        if (code != null) {
            return new Answer(r.wsid(), r.issCode(), code, List.of());
        }
        String dpan = blankToNull(r.dpan());
        String tokenId = blankToNull(r.paymentTokenId());
        int at = find(dpan, tokenId);
        if (at < 0) {
            return new Answer(r.wsid(), r.issCode(), at == -2 ? "212" : "214", List.of());
        }
        SimulatedToken token = tokens.get(at);
        if (r.func().equals("00")) {
            return token.devices().isEmpty() ? new Answer(r.wsid(), r.issCode(), "218", List.of())
                    : new Answer(r.wsid(), r.issCode(), "000", token.devices());
        }
        return new Answer(r.wsid(), r.issCode(), unbind(at, blankToNull(r.deviceIndex())), List.of());
    }

    private String check(IncomingRequest r) {
        if (blankToNull(r.userName()) == null) {
            return "997";
        }
        if (r.password() == null || r.password().isEmpty()) {
            return "998";
        }
        if (!r.userName().equals(userName) || !r.password().equals(password)) {
            return "999";
        }
        String wsid = blankToNull(r.wsid());
        if (wsid == null) {
            return "800";
        }
        if (!isWsid(wsid)) {
            return "613";
        }
        if (!usedWsids.add(wsid)) {
            return "868";
        }
        if (blankToNull(r.issCode()) == null) {
            return "801";
        }
        if (!r.issCode().equals(issCode)) {
            return "406";
        }
        if (blankToNull(r.func()) == null) {
            return "850";
        }
        if (!r.func().equals("00") && !r.func().equals("01")) {
            return "217";
        }
        String dpan = blankToNull(r.dpan());
        String tokenId = blankToNull(r.paymentTokenId());
        if (dpan == null && tokenId == null) {
            return "216";
        }
        // As the spec's table says: DPAN "AN 16 19", PaymentTokenID "AN 1 20", DeviceIndex "AN 1 3".
        if (dpan != null && !dpan.matches("[A-Za-z0-9]{16,19}")) {
            return "210";
        }
        if (tokenId != null && !tokenId.matches("[A-Za-z0-9]{1,20}")) {
            return "211";
        }
        String deviceIndex = blankToNull(r.deviceIndex());
        if (deviceIndex != null && !deviceIndex.matches("[A-Za-z0-9]{1,3}")) {
            return "904";
        }
        return null;
    }

    private static boolean isWsid(String wsid) {
        if (!wsid.matches("[0-9]{1,19}")) {
            return false;
        }
        try {
            Long.parseLong(wsid);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The position of the token, -1 if unknown, -2 if the DPAN and the token id name different tokens. */
    private int find(String dpan, String tokenId) {
        int byDpan = -1;
        int byId = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).dpan().equals(dpan)) {
                byDpan = i;
            }
            if (tokens.get(i).paymentTokenId().equals(tokenId)) {
                byId = i;
            }
        }
        if (dpan != null && tokenId != null) {
            if (byDpan < 0 || byId < 0) {
                return -1;
            }
            return byDpan == byId ? byDpan : -2;
        }
        return dpan != null ? byDpan : byId;
    }

    private String unbind(int at, String deviceIndex) {
        if (deviceIndex == null) {
            return "221";
        }
        SimulatedToken token = tokens.get(at);
        List<SimulatedDevice> devices = new ArrayList<>(token.devices());
        for (int i = 0; i < devices.size(); i++) {
            SimulatedDevice d = devices.get(i);
            if (sameIndex(d.index(), deviceIndex)) {
                if (d.isUnbound()) {
                    return "220";
                }
                devices.set(i, d.unbound(clock.instant()));
                tokens.set(at, new SimulatedToken(token.dpan(), token.paymentTokenId(), devices));
                return "000";
            }
        }
        return "219";
    }

    private static boolean sameIndex(String a, String b) {
        // "2" and "002" name the same Visa index.
        return a.replaceFirst("^0+(?=.)", "").equals(b.replaceFirst("^0+(?=.)", ""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
