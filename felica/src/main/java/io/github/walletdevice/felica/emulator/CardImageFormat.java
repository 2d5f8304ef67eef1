package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.FelicaVersion;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SpecificationVersion;
import io.github.walletdevice.felica.SystemCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A plain-text form of a {@link CardImage}, so that card images can live in files (for example the
 * {@code --card-image} option of the command line) without any library. {@link #format(CardImage)} writes it and
 * {@link #parse(String)} reads it back; {@code parse(format(image))} describes the same card.
 *
 * <p>One directive per line; blank lines and text after {@code #} are ignored; codes and key versions are the 4
 * hex digits of their numeric value, as everywhere in this SDK:
 * <pre>
 * # card-wide settings (all optional)
 * idm 012E4CD4A1B2C3D4                  # system n without its own IDm gets this one with system number n
 * pmm 100B4B428485D0FF
 * maxReadBlocks 15
 * maxWriteBlocks 13
 * communicationPerformance 0083         # or: none
 * specificationVersion 3.0.0 1.0.0      # basic version, then option versions
 *
 * system 0003 idm=012E4CD4A1B2C3D4 pmm=100B4B428485D0FF keyVersion=0000   # idm, pmm, keyVersion optional
 * area 1000 end=13FF keyVersion=0000                                       # keyVersion optional
 * service 1011 keyVersion=0000                                             # followed by its blocks…
 * block F4010000000000000000000000000000
 * service 104D blocks=10                                                   # …or a count of zero blocks
 * overlap 1017 of=1011 keyVersion=0000                                     # shares the blocks of 1011
 * </pre>
 */
public final class CardImageFormat {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private CardImageFormat() {
    }

    /**
     * Writes an image as text, every system with its IDm and PMm and every block spelled out.
     *
     * @param image the image
     * @return the text, lines separated by {@code \n}
     * @throws NullPointerException if {@code image} is null
     */
    public static String format(CardImage image) {
        StringBuilder sb = new StringBuilder("# walletdevice virtual FeliCa card image\n");
        sb.append("maxReadBlocks ").append(image.maxReadBlocks()).append('\n');
        sb.append("maxWriteBlocks ").append(image.maxWriteBlocks()).append('\n');
        sb.append("communicationPerformance ").append(image.communicationPerformance().isPresent()
                ? hex4(image.communicationPerformance().getAsInt()) : "none").append('\n');
        image.specificationVersion().ifPresent(v -> {
            sb.append("specificationVersion ").append(version(v.basicVersion()));
            for (FelicaVersion o : v.optionVersions()) {
                sb.append(' ').append(version(o));
            }
            sb.append('\n');
        });
        for (SystemImage s : image.systems()) {
            sb.append('\n').append("system ").append(s.systemCode());
            s.idm().ifPresent(idm -> sb.append(" idm=").append(idm));
            s.pmm().ifPresent(pmm -> sb.append(" pmm=").append(pmm));
            sb.append(" keyVersion=").append(hex4(s.keyVersion())).append('\n');
            for (AreaImage a : s.areas()) {
                sb.append("area ").append(a.areaCode()).append(" end=").append(hex4(a.endServiceCode()))
                        .append(" keyVersion=").append(hex4(a.keyVersion())).append('\n');
            }
            for (ServiceImage svc : s.services()) {
                if (svc.overlapOf().isPresent()) {
                    sb.append("overlap ").append(svc.serviceCode()).append(" of=").append(svc.overlapOf().get())
                            .append(" keyVersion=").append(hex4(svc.keyVersion())).append('\n');
                } else {
                    sb.append("service ").append(svc.serviceCode()).append(" keyVersion=")
                            .append(hex4(svc.keyVersion())).append('\n');
                    for (byte[] b : svc.blocks()) {
                        sb.append("block ").append(HEX.formatHex(b)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Reads an image from text.
     *
     * @param text the text
     * @return the image
     * @throws IllegalArgumentException if the text is not a valid card image; the message gives the line number
     * @throws NullPointerException if {@code text} is null
     */
    public static CardImage parse(String text) {
        Parser p = new Parser();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                p.line(line.split("\\s+"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("card image line " + (i + 1) + " (\"" + lines[i].strip() + "\"): "
                        + e.getMessage(), e);
            }
        }
        try {
            return p.finish();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("card image: " + e.getMessage(), e);
        }
    }

    private static String hex4(int v) {
        return String.format(Locale.ROOT, "%04X", v);
    }

    private static String version(FelicaVersion v) {
        return v.isWellFormed() ? v.toString() : hex4(v.value());
    }

    private static FelicaVersion parseVersion(String s) {
        if (s.indexOf('.') < 0) {
            return new FelicaVersion(hexValue(s, "a version word", 4));
        }
        String[] parts = s.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a version is major.minor.patch, got \"" + s + "\"");
        }
        return FelicaVersion.of(decimal(parts[0], "major"), decimal(parts[1], "minor"), decimal(parts[2], "patch"));
    }

    private static int decimal(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got \"" + s + "\"");
        }
    }

    private static int hexValue(String s, String what, int digits) {
        if (s.length() != digits || !s.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(what + " must be " + digits + " hex digits, got \"" + s + "\"");
        }
        return Integer.parseInt(s, 16);
    }

    /** Collects directives; services are flushed when the next directive starts. */
    private static final class Parser {
        private final CardImage.Builder card = CardImage.builder();
        private SystemImage.Builder system;
        private ServiceCode service;
        private int serviceKeyVersion;
        private final List<byte[]> blocks = new ArrayList<>();

        void line(String[] t) {
            String d = t[0];
            if (!d.equals("block")) {
                flushService();
            }
            switch (d) {
                case "idm":
                    card.idm(Idm.parse(arg(t, 1)));
                    break;
                case "pmm":
                    card.pmm(Pmm.parse(arg(t, 1)));
                    break;
                case "maxReadBlocks":
                    card.maxReadBlocks(decimal(arg(t, 1), "maxReadBlocks"));
                    break;
                case "maxWriteBlocks":
                    card.maxWriteBlocks(decimal(arg(t, 1), "maxWriteBlocks"));
                    break;
                case "communicationPerformance":
                    card.communicationPerformance(arg(t, 1).equals("none") ? OptionalInt.empty()
                            : OptionalInt.of(hexValue(t[1], "communication performance", 4)));
                    break;
                case "specificationVersion": {
                    List<FelicaVersion> options = new ArrayList<>();
                    for (int i = 2; i < t.length; i++) {
                        options.add(parseVersion(t[i]));
                    }
                    card.specificationVersion(new SpecificationVersion(0, parseVersion(arg(t, 1)), options));
                    break;
                }
                case "system": {
                    flushSystem();
                    Map<String, String> kv = options(t, 2, "idm", "pmm", "keyVersion");
                    system = SystemImage.builder(new SystemCode(hexValue(arg(t, 1), "a system code", 4)));
                    if (kv.containsKey("idm")) {
                        system.idm(Idm.parse(kv.get("idm")));
                    }
                    if (kv.containsKey("pmm")) {
                        system.pmm(Pmm.parse(kv.get("pmm")));
                    }
                    if (kv.containsKey("keyVersion")) {
                        system.keyVersion(hexValue(kv.get("keyVersion"), "a key version", 4));
                    }
                    break;
                }
                case "area": {
                    Map<String, String> kv = options(t, 2, "end", "keyVersion");
                    if (!kv.containsKey("end")) {
                        throw new IllegalArgumentException("an area needs end=<code>");
                    }
                    currentSystem().area(new AreaImage(new AreaCode(hexValue(arg(t, 1), "an area code", 4)),
                            hexValue(kv.get("end"), "an end service code", 4),
                            kv.containsKey("keyVersion") ? hexValue(kv.get("keyVersion"), "a key version", 4) : 0));
                    break;
                }
                case "service": {
                    currentSystem();
                    Map<String, String> kv = options(t, 2, "keyVersion", "blocks");
                    service = new ServiceCode(hexValue(arg(t, 1), "a service code", 4));
                    serviceKeyVersion = kv.containsKey("keyVersion")
                            ? hexValue(kv.get("keyVersion"), "a key version", 4) : 0;
                    if (kv.containsKey("blocks")) {
                        int n = decimal(kv.get("blocks"), "blocks");
                        if (n < 1 || n > 0x10000) {
                            throw new IllegalArgumentException("blocks must be 1–65536, got " + n);
                        }
                        for (int i = 0; i < n; i++) {
                            blocks.add(new byte[16]);
                        }
                    }
                    break;
                }
                case "block":
                    if (service == null) {
                        throw new IllegalArgumentException("a block line must follow a service line");
                    }
                    byte[] b;
                    try {
                        b = HEX.parseHex(arg(t, 1));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("a block is 32 hex digits, got \"" + t[1] + "\"");
                    }
                    if (b.length != 16 || t.length > 2) {
                        throw new IllegalArgumentException("a block is 32 hex digits");
                    }
                    blocks.add(b);
                    break;
                case "overlap": {
                    Map<String, String> kv = options(t, 2, "of", "keyVersion");
                    if (!kv.containsKey("of")) {
                        throw new IllegalArgumentException("an overlap service needs of=<service code>");
                    }
                    currentSystem().service(ServiceImage.overlap(new ServiceCode(hexValue(arg(t, 1), "a service code", 4)),
                            new ServiceCode(hexValue(kv.get("of"), "a service code", 4)),
                            kv.containsKey("keyVersion") ? hexValue(kv.get("keyVersion"), "a key version", 4) : 0));
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown directive \"" + d + "\"; expected idm, pmm, "
                            + "maxReadBlocks, maxWriteBlocks, communicationPerformance, specificationVersion, system, "
                            + "area, service, block or overlap");
            }
        }

        private SystemImage.Builder currentSystem() {
            if (system == null) {
                throw new IllegalArgumentException("areas and services must follow a system line");
            }
            return system;
        }

        private static String arg(String[] t, int i) {
            if (t.length <= i) {
                throw new IllegalArgumentException("\"" + t[0] + "\" needs a value");
            }
            return t[i];
        }

        private static Map<String, String> options(String[] t, int from, String... allowed) {
            Map<String, String> kv = new HashMap<>();
            for (int i = from; i < t.length; i++) {
                int eq = t[i].indexOf('=');
                String key = eq < 0 ? t[i] : t[i].substring(0, eq);
                if (eq < 0 || !List.of(allowed).contains(key)) {
                    throw new IllegalArgumentException("unexpected \"" + t[i] + "\"; allowed: "
                            + String.join("=…, ", allowed) + "=…");
                }
                kv.put(key, t[i].substring(eq + 1));
            }
            return kv;
        }

        private void flushService() {
            if (service != null) {
                if (blocks.isEmpty()) {
                    throw new IllegalArgumentException("service " + service
                            + " needs block lines or blocks=<count>");
                }
                system.service(ServiceImage.of(service, blocks, serviceKeyVersion));
                service = null;
                blocks.clear();
            }
        }

        private void flushSystem() {
            if (system != null) {
                card.system(system.build());
                system = null;
            }
        }

        CardImage finish() {
            flushService();
            flushSystem();
            return card.build();
        }
    }
}
