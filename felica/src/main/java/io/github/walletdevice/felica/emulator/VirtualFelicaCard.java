package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.BlockListElement;
import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.KeyVersion;
import io.github.walletdevice.felica.NodeCode;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.PollingResponse;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.RequestCode;
import io.github.walletdevice.felica.RequestResponseResponse;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestServiceResponse;
import io.github.walletdevice.felica.RequestSpecificationVersionResponse;
import io.github.walletdevice.felica.RequestSystemCodeResponse;
import io.github.walletdevice.felica.ResetModeResponse;
import io.github.walletdevice.felica.SearchServiceCodeCommand;
import io.github.walletdevice.felica.SearchServiceCodeResponse;
import io.github.walletdevice.felica.ServiceAccess;
import io.github.walletdevice.felica.ServiceAttribute;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.ServiceType;
import io.github.walletdevice.felica.StatusFlag1;
import io.github.walletdevice.felica.StatusFlag2;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A virtual FeliCa card that answers command frames as a card would: the "phone" of the examples and tests.
 *
 * <h2>What it answers</h2>
 * <ul>
 *   <li><b>Polling</b> ({@code 00}): the first system whose code matches ({@code FF} bytes are wildcards) is
 *       selected and the mode reset to 0. Request code 01 adds that system code; request code 02 adds the image's
 *       communication performance, if it has one. No matching system: no answer.</li>
 *   <li><b>Request Service</b> ({@code 02}): the key version of each node; {@code FFFF} for a node that does not
 *       exist in the addressed system. The system node {@code FFFF} and the root area {@code 0000} report the
 *       system's key version.</li>
 *   <li><b>Request Response</b> ({@code 04}): the mode (always 0: the card performs no authentication).</li>
 *   <li><b>Read Without Encryption</b> ({@code 06}) and <b>Write Without Encryption</b> ({@code 08}), with the
 *       status flags of a card. Service count outside 1–16: {@code FF A1}. Block count outside 1–max
 *       ({@link CardImage#maxReadBlocks()}, {@link CardImage#maxWriteBlocks()}): {@code FF A2}. Then, for each
 *       block list element in order, with Status Flag 1 = its 1-based position: {@code A3} service list order
 *       beyond the list; {@code A6} service not in the addressed system; {@code A7} access mode not allowed
 *       (anything but 0 when reading; when writing, 0, or 1 on a cashback/decrement purse); {@code A5} the service
 *       needs a key (or a PIN), or a write to a read-only service, or a write to a cyclic block other than 0;
 *       {@code A8} block number beyond the service's blocks; {@code AF} more writes to one cyclic service than it
 *       has blocks; {@code 01} a purse decrement below zero or a cashback above 4 bytes. A write is all or nothing:
 *       nothing is stored unless every element succeeds.</li>
 *   <li><b>Search Service Code</b> ({@code 0A}): the root area {@code 0000}–{@code FFFE}, the areas and the
 *       services of the addressed system in ascending code order, then {@code FFFF}.</li>
 *   <li><b>Request System Code</b> ({@code 0C}): every system code, system 0 first.</li>
 *   <li><b>Request Specification Version</b> ({@code 3C}) when the image has one, and <b>Reset Mode</b>
 *       ({@code 3E}).</li>
 * </ul>
 *
 * <h2>Storage model</h2>
 * Random services store blocks by number. In a cyclic service block 0 is the newest record: a write to block 0
 * pushes every record down one place and drops the oldest. A purse has one 16-byte block (balance, bytes 0–3
 * little-endian; see {@link io.github.walletdevice.felica.PurseBlock}): a direct purse ({@code 10}/{@code 11}) is
 * replaced by the written block; a decrement write (access mode 0 on {@code 12}–{@code 15}) subtracts the
 * written balance field from the balance, and a cashback write (access mode 1 on {@code 12}/{@code 13}) adds it;
 * bytes 4–15 are taken from the written block. Overlap services share their target's blocks.
 *
 * <h2>Silence</h2>
 * Like a card, it does not answer ({@link Optional#empty()}) a frame whose LEN does not match its size, one
 * addressed to an IDm none of its systems has, one too short or too long for its own counts, a malformed command
 * of a type without status flags, and commands it does not implement (Authentication, Request Service v2, Get
 * System Status, Request Block Information, encrypted Read/Write, issuance…).
 *
 * <p>Thread-safe: one lock serialises every exchange and every direct block access.
 */
public final class VirtualFelicaCard {

    private static final int SF2_PURSE = 0x01;
    private static final int SF2_SERVICE_COUNT = 0xA1;
    private static final int SF2_BLOCK_COUNT = 0xA2;
    private static final int SF2_ORDER = 0xA3;
    private static final int SF2_REFUSED = 0xA5;
    private static final int SF2_MISSING = 0xA6;
    private static final int SF2_ACCESS_MODE = 0xA7;
    private static final int SF2_BLOCK_RANGE = 0xA8;
    private static final int SF2_CYCLIC_WRITES = 0xAF;

    private final ReentrantLock lock = new ReentrantLock();
    private final CardImage image;
    private final List<SystemState> systems;
    private int selected;
    private int mode;

    /**
     * Creates a card holding a copy of the image's contents.
     *
     * @param image the card image
     * @throws NullPointerException if {@code image} is null
     */
    public VirtualFelicaCard(CardImage image) {
        this.image = Objects.requireNonNull(image, "image");
        List<SystemState> list = new ArrayList<>();
        for (SystemImage s : image.systems()) {
            list.add(new SystemState(s));
        }
        this.systems = Collections.unmodifiableList(list);
    }

    /**
     * Creates a card holding a copy of the image's contents.
     *
     * @param image the card image
     * @return the card
     * @throws NullPointerException if {@code image} is null
     */
    public static VirtualFelicaCard of(CardImage image) {
        return new VirtualFelicaCard(image);
    }

    /**
     * Exchanges one frame, as {@code NfcF.transceive} does: the command with its LEN byte in, the response with
     * its LEN byte out.
     *
     * @param frame the command frame, LEN byte first
     * @return the response frame, or empty when a card would stay silent
     * @throws NullPointerException if {@code frame} is null
     */
    public Optional<byte[]> transceive(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.length < 2 || frame.length > 255 || (frame[0] & 0xFF) != frame.length) {
            return Optional.empty();
        }
        byte[] copy = frame.clone();
        lock.lock();
        try {
            return Optional.ofNullable(handle(copy));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Exchanges one frame without LEN bytes, as iOS's {@code sendFeliCaCommand} does.
     *
     * @param packet the command starting at its code
     * @return the response starting at its code, or empty when a card would stay silent
     * @throws NullPointerException if {@code packet} is null
     */
    public Optional<byte[]> transceiveWithoutLength(byte[] packet) {
        Objects.requireNonNull(packet, "packet");
        if (packet.length < 1 || packet.length > 254) {
            return Optional.empty();
        }
        byte[] frame = new byte[packet.length + 1];
        frame[0] = (byte) frame.length;
        System.arraycopy(packet, 0, frame, 1, packet.length);
        return transceive(frame).map(r -> Arrays.copyOfRange(r, 1, r.length));
    }

    /**
     * Encodes {@code command}, exchanges it, and decodes the answer.
     *
     * @param command the command
     * @return the response, or empty when the card stays silent
     * @throws NullPointerException if {@code command} is null
     */
    public Optional<FelicaResponse> execute(FelicaCommand command) {
        Objects.requireNonNull(command, "command");
        return transceive(command.encode()).map(r -> FelicaDecoder.decodeResponse(r, command));
    }

    /**
     * Returns the image this card started from.
     *
     * @return the initial image
     */
    public CardImage initialImage() {
        return image;
    }

    /**
     * Returns the IDm of system 0, the one a wildcard Polling finds.
     *
     * @return the IDm
     */
    public Idm idm() {
        return systems.get(0).image.idm().orElseThrow();
    }

    /**
     * Returns the IDm of a system.
     *
     * @param systemCode the system code
     * @return the IDm
     * @throws IllegalArgumentException if the card has no such system
     */
    public Idm idm(SystemCode systemCode) {
        return system(systemCode).image.idm().orElseThrow();
    }

    /**
     * Returns the PMm of system 0.
     *
     * @return the PMm
     */
    public Pmm pmm() {
        return systems.get(0).image.pmm().orElseThrow();
    }

    /**
     * Returns the system codes, system 0 first.
     *
     * @return the codes
     */
    public List<SystemCode> systemCodes() {
        List<SystemCode> codes = new ArrayList<>(systems.size());
        for (SystemState s : systems) {
            codes.add(s.image.systemCode());
        }
        return Collections.unmodifiableList(codes);
    }

    /**
     * Returns the system selected by the last Polling or the last command addressed to a system's IDm.
     *
     * @return the system code
     */
    public SystemCode selectedSystem() {
        lock.lock();
        try {
            return systems.get(selected).image.systemCode();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the current mode (0 after power-up, Polling and Reset Mode).
     *
     * @return 0–3
     */
    public int mode() {
        lock.lock();
        try {
            return mode;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads one block directly, bypassing access rules (for tests and simulated servers).
     *
     * @param systemCode the system
     * @param serviceCode the service (an overlap service reads its target's blocks)
     * @param blockNumber the block; for a cyclic service 0 is the newest record
     * @return a copy of the 16 bytes
     * @throws IllegalArgumentException if the system, service or block does not exist
     */
    public byte[] readBlock(SystemCode systemCode, ServiceCode serviceCode, int blockNumber) {
        lock.lock();
        try {
            Storage st = storage(systemCode, serviceCode, blockNumber);
            return st.blocks[blockNumber].clone();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes one block directly, in place, bypassing access rules and cyclic rotation (for test setup).
     *
     * @param systemCode the system
     * @param serviceCode the service
     * @param blockNumber the block
     * @param data 16 bytes
     * @throws IllegalArgumentException if the system, service or block does not exist, or the data is not 16 bytes
     */
    public void writeBlock(SystemCode systemCode, ServiceCode serviceCode, int blockNumber, byte[] data) {
        Objects.requireNonNull(data, "data");
        if (data.length != 16) {
            throw new IllegalArgumentException("a block is 16 bytes, got " + data.length);
        }
        lock.lock();
        try {
            Storage st = storage(systemCode, serviceCode, blockNumber);
            st.blocks[blockNumber] = data.clone();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the number of blocks of a service.
     *
     * @param systemCode the system
     * @param serviceCode the service
     * @return the block count
     * @throws IllegalArgumentException if the system or service does not exist
     */
    public int blockCount(SystemCode systemCode, ServiceCode serviceCode) {
        return storage(systemCode, serviceCode, 0).blocks.length;
    }

    /**
     * Returns the card's current contents as an image, for example to save it or start another card from it.
     *
     * @return the image
     */
    public CardImage snapshot() {
        lock.lock();
        try {
            CardImage.Builder fresh = CardImage.builder();
            for (SystemState s : systems) {
                SystemImage.Builder sb = SystemImage.builder(s.image.systemCode()).idm(s.image.idm().orElseThrow())
                        .pmm(s.image.pmm().orElseThrow()).keyVersion(s.image.keyVersion());
                for (AreaImage a : s.image.areas()) {
                    sb.area(a);
                }
                for (ServiceImage svc : s.image.services()) {
                    if (svc.overlapOf().isPresent()) {
                        sb.service(ServiceImage.overlap(svc.serviceCode(), svc.overlapOf().get(), svc.keyVersion()));
                    } else {
                        Storage st = s.services.get(svc.serviceCode().value()).storage;
                        sb.service(ServiceImage.of(svc.serviceCode(), Arrays.asList(st.blocks), svc.keyVersion()));
                    }
                }
                fresh.system(sb.build());
            }
            fresh.maxReadBlocks(image.maxReadBlocks()).maxWriteBlocks(image.maxWriteBlocks())
                    .communicationPerformance(image.communicationPerformance());
            image.specificationVersion().ifPresent(fresh::specificationVersion);
            return fresh.build();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private SystemState system(SystemCode systemCode) {
        Objects.requireNonNull(systemCode, "systemCode");
        for (SystemState s : systems) {
            if (s.image.systemCode().equals(systemCode)) {
                return s;
            }
        }
        throw new IllegalArgumentException("the card has no system " + systemCode + "; it has " + systemCodes());
    }

    private Storage storage(SystemCode systemCode, ServiceCode serviceCode, int blockNumber) {
        Objects.requireNonNull(serviceCode, "serviceCode");
        SystemState s = system(systemCode);
        ServiceState svc = s.services.get(serviceCode.value());
        if (svc == null) {
            throw new IllegalArgumentException("system " + systemCode + " has no service " + serviceCode);
        }
        if (blockNumber < 0 || blockNumber >= svc.storage.blocks.length) {
            throw new IllegalArgumentException("service " + serviceCode + " has blocks 0–"
                    + (svc.storage.blocks.length - 1) + ", not " + blockNumber);
        }
        return svc.storage;
    }

    /** Runs one command under the lock; null means silence. */
    private byte[] handle(byte[] f) {
        int code = f[1] & 0xFF;
        if (code == PollingCommand.CODE) {
            return polling(f);
        }
        if (f.length < 10) {
            return null;
        }
        long idmValue = 0;
        for (int i = 2; i < 10; i++) {
            idmValue = (idmValue << 8) | (f[i] & 0xFF);
        }
        int index = -1;
        for (int i = 0; i < systems.size(); i++) {
            if (systems.get(i).idmValue == idmValue) {
                index = i;
            }
        }
        if (index < 0) {
            return null;
        }
        // A command addressed to another system's IDm switches to that system.
        selected = index;
        SystemState sys = systems.get(index);
        Idm idm = new Idm(idmValue);
        switch (code) {
            case 0x02:
                return requestService(f, sys, idm);
            case 0x04:
                return decodes(f) ? new RequestResponseResponse(idm, mode).encode() : null;
            case 0x06:
                return read(f, sys, idm);
            case 0x08:
                return write(f, sys, idm);
            case 0x0A:
                return searchServiceCode(f, sys, idm);
            case 0x0C:
                return decodes(f) ? new RequestSystemCodeResponse(idm, systemCodes()).encode() : null;
            case 0x3C:
                if (!decodes(f) || image.specificationVersion().isEmpty()) {
                    return null;
                }
                return new RequestSpecificationVersionResponse(idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS,
                        image.specificationVersion()).encode();
            case 0x3E:
                if (!decodes(f)) {
                    return null;
                }
                mode = 0;
                return new ResetModeResponse(idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS).encode();
            default:
                return null;
        }
    }

    private static boolean decodes(byte[] f) {
        try {
            FelicaDecoder.decodeCommand(f);
            return true;
        } catch (FelicaFormatException e) {
            return false;
        }
    }

    private byte[] polling(byte[] f) {
        PollingCommand cmd;
        try {
            cmd = (PollingCommand) FelicaDecoder.decodeCommand(f);
        } catch (FelicaFormatException e) {
            return null;
        }
        for (int i = 0; i < systems.size(); i++) {
            SystemImage s = systems.get(i).image;
            if (cmd.systemCode().matches(s.systemCode())) {
                selected = i;
                mode = 0;
                OptionalInt data = OptionalInt.empty();
                if (cmd.requestCode() == RequestCode.SYSTEM_CODE) {
                    data = OptionalInt.of(s.systemCode().value());
                } else if (cmd.requestCode() == RequestCode.COMMUNICATION_PERFORMANCE) {
                    data = image.communicationPerformance();
                }
                return new PollingResponse(s.idm().orElseThrow(), s.pmm().orElseThrow(), data).encode();
            }
        }
        return null;
    }

    private byte[] requestService(byte[] f, SystemState sys, Idm idm) {
        RequestServiceCommand cmd;
        try {
            cmd = (RequestServiceCommand) FelicaDecoder.decodeCommand(f);
        } catch (FelicaFormatException e) {
            return null;
        }
        List<KeyVersion> versions = new ArrayList<>(cmd.nodeCodes().size());
        for (NodeCode n : cmd.nodeCodes()) {
            versions.add(new KeyVersion(sys.keyVersion(n.value())));
        }
        return new RequestServiceResponse(idm, versions).encode();
    }

    private byte[] searchServiceCode(byte[] f, SystemState sys, Idm idm) {
        SearchServiceCodeCommand cmd;
        try {
            cmd = (SearchServiceCodeCommand) FelicaDecoder.decodeCommand(f);
        } catch (FelicaFormatException e) {
            return null;
        }
        int i = cmd.index();
        if (i >= sys.searchCodes.length) {
            return SearchServiceCodeResponse.end(idm).encode();
        }
        int end = sys.searchEnds[i];
        if (end < 0) {
            return SearchServiceCodeResponse.service(idm, new ServiceCode(sys.searchCodes[i])).encode();
        }
        return SearchServiceCodeResponse.area(idm, new AreaCode(sys.searchCodes[i]), end).encode();
    }

    /** The service and block lists of a Read/Write Without Encryption frame, parsed as a card does. */
    private static final class Request {
        final int[] services;
        final BlockListElement[] elements;
        final int dataOffset;
        final int errorFlag2;

        Request(int[] services, BlockListElement[] elements, int dataOffset, int errorFlag2) {
            this.services = services;
            this.elements = elements;
            this.dataOffset = dataOffset;
            this.errorFlag2 = errorFlag2;
        }
    }

    /** Parses the lists; returns null when the frame is too malformed to answer. */
    private static Request parseLists(byte[] f, int maxBlocks) {
        int p = 10;
        if (p >= f.length) {
            return null;
        }
        int m = f[p++] & 0xFF;
        if (m < 1 || m > 16) {
            return new Request(null, null, 0, SF2_SERVICE_COUNT);
        }
        if (p + 2 * m + 1 > f.length) {
            return null;
        }
        int[] services = new int[m];
        for (int i = 0; i < m; i++) {
            services[i] = (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8;
            p += 2;
        }
        int n = f[p++] & 0xFF;
        if (n < 1 || n > maxBlocks) {
            return new Request(null, null, 0, SF2_BLOCK_COUNT);
        }
        BlockListElement[] elements = new BlockListElement[n];
        for (int i = 0; i < n; i++) {
            if (p >= f.length) {
                return null;
            }
            int head = f[p] & 0xFF;
            int size = (head & 0x80) != 0 ? 2 : 3;
            if (p + size > f.length) {
                return null;
            }
            elements[i] = BlockListElement.decode(f, p);
            p += size;
        }
        return new Request(services, elements, p, 0);
    }

    /** Checks one element; returns 0 or the Status Flag 2 of the failure. */
    private static int check(SystemState sys, Request req, BlockListElement e, boolean write) {
        if (e.serviceIndex() >= req.services.length) {
            return SF2_ORDER;
        }
        ServiceState svc = sys.services.get(req.services[e.serviceIndex()]);
        if (svc == null) {
            return SF2_MISSING;
        }
        ServiceAttribute a = svc.attribute;
        int am = e.accessMode();
        boolean modeOk = am == BlockListElement.ACCESS_MODE_NORMAL
                || (write && am == BlockListElement.ACCESS_MODE_PURSE_CASHBACK
                        && a.access() == ServiceAccess.PURSE_CASHBACK_DECREMENT);
        if (!modeOk) {
            return SF2_ACCESS_MODE;
        }
        if (svc.code.requiresKey() || svc.code.requiresPin()) {
            return SF2_REFUSED;
        }
        if (write && a.isReadOnly()) {
            return SF2_REFUSED;
        }
        if (e.blockNumber() >= svc.storage.blocks.length) {
            return SF2_BLOCK_RANGE;
        }
        if (write && a.type() == ServiceType.CYCLIC && e.blockNumber() != 0) {
            return SF2_REFUSED;
        }
        return 0;
    }

    private byte[] read(byte[] f, SystemState sys, Idm idm) {
        Request req = parseLists(f, image.maxReadBlocks());
        if (req == null) {
            return null;
        }
        if (req.errorFlag2 != 0) {
            return ReadWithoutEncryptionResponse.error(idm, StatusFlag1.GLOBAL_ERROR, StatusFlag2.of(req.errorFlag2))
                    .encode();
        }
        if (req.dataOffset != f.length) {
            return null;
        }
        List<byte[]> out = new ArrayList<>(req.elements.length);
        for (int k = 0; k < req.elements.length; k++) {
            BlockListElement e = req.elements[k];
            int sf2 = check(sys, req, e, false);
            if (sf2 != 0) {
                return ReadWithoutEncryptionResponse.error(idm, StatusFlag1.of(k + 1), StatusFlag2.of(sf2)).encode();
            }
            out.add(sys.services.get(req.services[e.serviceIndex()]).storage.blocks[e.blockNumber()]);
        }
        return ReadWithoutEncryptionResponse.success(idm, out).encode();
    }

    private byte[] write(byte[] f, SystemState sys, Idm idm) {
        Request req = parseLists(f, image.maxWriteBlocks());
        if (req == null) {
            return null;
        }
        if (req.errorFlag2 != 0) {
            return new WriteWithoutEncryptionResponse(idm, StatusFlag1.GLOBAL_ERROR, StatusFlag2.of(req.errorFlag2))
                    .encode();
        }
        if (f.length - req.dataOffset != 16 * req.elements.length) {
            return null;
        }
        // Stage every change on copies so that a failing element leaves the card untouched.
        Map<Storage, byte[][]> staged = new IdentityHashMap<>();
        Map<Storage, Integer> cyclicWrites = new IdentityHashMap<>();
        for (int k = 0; k < req.elements.length; k++) {
            BlockListElement e = req.elements[k];
            int sf2 = check(sys, req, e, true);
            ServiceState svc = sf2 == 0 ? sys.services.get(req.services[e.serviceIndex()]) : null;
            byte[] data = Arrays.copyOfRange(f, req.dataOffset + 16 * k, req.dataOffset + 16 * k + 16);
            if (svc != null) {
                byte[][] blocks = staged.computeIfAbsent(svc.storage, st -> st.blocks.clone());
                sf2 = apply(svc, e, blocks, data, cyclicWrites);
            }
            if (sf2 != 0) {
                return new WriteWithoutEncryptionResponse(idm, StatusFlag1.of(k + 1), StatusFlag2.of(sf2)).encode();
            }
        }
        for (Map.Entry<Storage, byte[][]> en : staged.entrySet()) {
            en.getKey().blocks = en.getValue();
        }
        return new WriteWithoutEncryptionResponse(idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS).encode();
    }

    /** Applies one checked write to the staged blocks; returns 0 or the Status Flag 2 of the failure. */
    private static int apply(ServiceState svc, BlockListElement e, byte[][] blocks, byte[] data,
            Map<Storage, Integer> cyclicWrites) {
        ServiceAttribute a = svc.attribute;
        switch (a.type()) {
            case CYCLIC: {
                int writes = cyclicWrites.merge(svc.storage, 1, Integer::sum);
                if (writes > blocks.length) {
                    return SF2_CYCLIC_WRITES;
                }
                System.arraycopy(blocks, 0, blocks, 1, blocks.length - 1);
                blocks[0] = data;
                return 0;
            }
            case PURSE: {
                if (a.access() == ServiceAccess.PURSE_DIRECT) {
                    blocks[0] = data;
                    return 0;
                }
                long balance = le32(blocks[0]);
                long amount = le32(data);
                long result = e.accessMode() == BlockListElement.ACCESS_MODE_PURSE_CASHBACK
                        ? balance + amount : balance - amount;
                if (result < 0 || result > 0xFFFF_FFFFL) {
                    return SF2_PURSE;
                }
                byte[] b = data.clone();
                b[0] = (byte) result;
                b[1] = (byte) (result >>> 8);
                b[2] = (byte) (result >>> 16);
                b[3] = (byte) (result >>> 24);
                blocks[0] = b;
                return 0;
            }
            default:
                blocks[e.blockNumber()] = data;
                return 0;
        }
    }

    private static long le32(byte[] b) {
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The blocks of one service, shared with its overlap services. Replaced wholesale on commit. */
    private static final class Storage {
        byte[][] blocks;

        Storage(byte[][] blocks) {
            this.blocks = blocks;
        }
    }

    private static final class ServiceState {
        final ServiceCode code;
        final ServiceAttribute attribute;
        final Storage storage;
        final int keyVersion;

        ServiceState(ServiceCode code, Storage storage, int keyVersion) {
            this.code = code;
            this.attribute = code.attributeInfo().orElseThrow();
            this.storage = storage;
            this.keyVersion = keyVersion;
        }
    }

    private static final class SystemState {
        final SystemImage image;
        final long idmValue;
        final Map<Integer, ServiceState> services = new HashMap<>();
        final Map<Integer, AreaImage> areas = new HashMap<>();
        final int[] searchCodes;
        final int[] searchEnds;

        SystemState(SystemImage image) {
            this.image = image;
            this.idmValue = image.idm().orElseThrow().value();
            for (ServiceImage s : image.services()) {
                if (s.overlapOf().isEmpty()) {
                    byte[][] blocks = new byte[s.blockCount()][];
                    for (int i = 0; i < blocks.length; i++) {
                        blocks[i] = s.blockUnsafe(i).clone();
                    }
                    services.put(s.serviceCode().value(), new ServiceState(s.serviceCode(), new Storage(blocks),
                            s.keyVersion()));
                }
            }
            for (ServiceImage s : image.services()) {
                if (s.overlapOf().isPresent()) {
                    Storage shared = services.get(s.overlapOf().get().value()).storage;
                    services.put(s.serviceCode().value(), new ServiceState(s.serviceCode(), shared, s.keyVersion()));
                }
            }
            for (AreaImage a : image.areas()) {
                areas.put(a.areaCode().value(), a);
            }
            // Search order: the root area, then every area and service by ascending code.
            List<int[]> nodes = new ArrayList<>();
            nodes.add(new int[] {0x0000, 0xFFFE});
            for (AreaImage a : image.areas()) {
                nodes.add(new int[] {a.areaCode().value(), a.endServiceCode()});
            }
            for (ServiceImage s : image.services()) {
                nodes.add(new int[] {s.serviceCode().value(), -1});
            }
            nodes.sort((x, y) -> Integer.compare(x[0], y[0]));
            searchCodes = new int[nodes.size()];
            searchEnds = new int[nodes.size()];
            for (int i = 0; i < nodes.size(); i++) {
                searchCodes[i] = nodes.get(i)[0];
                searchEnds[i] = nodes.get(i)[1];
            }
        }

        int keyVersion(int node) {
            if (node == 0xFFFF || node == 0x0000) {
                return image.keyVersion();
            }
            ServiceState s = services.get(node);
            if (s != null) {
                return s.keyVersion;
            }
            AreaImage a = areas.get(node);
            return a != null ? a.keyVersion() : 0xFFFF;
        }
    }
}
