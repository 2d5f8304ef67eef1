package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.FelicaCommand;
import io.github.walletdevice.felica.FelicaDecoder;
import io.github.walletdevice.felica.FelicaFormatException;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.PollingCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.RequestResponseCommand;
import io.github.walletdevice.felica.RequestServiceCommand;
import io.github.walletdevice.felica.RequestSpecificationVersionCommand;
import io.github.walletdevice.felica.RequestSystemCodeCommand;
import io.github.walletdevice.felica.ResetModeCommand;
import io.github.walletdevice.felica.SearchServiceCodeCommand;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.internal.Bytes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * <h2>How it is built</h2>
 * The card decodes each frame with {@link FelicaDecoder}, hands the command to the one handler of its type
 * ({@link CardCommands}, {@link BlockAccess}) and encodes the response record the handler returns; what it
 * remembers between frames is a {@link CardState}.
 *
 * <p>Thread-safe: one lock serialises every exchange and every direct block access.
 */
public final class VirtualFelicaCard {

    /** The handler of each command the card implements, by command code; other codes get no answer. */
    private static final Map<Integer, Handler<?>> HANDLERS = Map.of(
            code(RequestServiceCommand.CODE), new Handler<>(RequestServiceCommand.class, CardCommands::requestService),
            code(RequestResponseCommand.CODE), new Handler<>(RequestResponseCommand.class,
                    CardCommands::requestResponse),
            code(ReadWithoutEncryptionCommand.CODE), new Handler<>(ReadWithoutEncryptionCommand.class,
                    BlockAccess::read),
            code(WriteWithoutEncryptionCommand.CODE), new Handler<>(WriteWithoutEncryptionCommand.class,
                    BlockAccess::write),
            code(SearchServiceCodeCommand.CODE), new Handler<>(SearchServiceCodeCommand.class,
                    CardCommands::searchServiceCode),
            code(RequestSystemCodeCommand.CODE), new Handler<>(RequestSystemCodeCommand.class,
                    CardCommands::requestSystemCode),
            code(RequestSpecificationVersionCommand.CODE), new Handler<>(RequestSpecificationVersionCommand.class,
                    CardCommands::requestSpecificationVersion),
            code(ResetModeCommand.CODE), new Handler<>(ResetModeCommand.class, CardCommands::resetMode));

    private final ReentrantLock lock = new ReentrantLock();
    private final CardState state;

    /**
     * Creates a card holding a copy of the image's contents.
     *
     * @param image the card image
     * @throws NullPointerException if {@code image} is null
     */
    public VirtualFelicaCard(CardImage image) {
        this.state = new CardState(Objects.requireNonNull(image, "image"));
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
            return Optional.ofNullable(answer(copy)).map(FelicaResponse::encode);
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
     * Encodes {@code command}, exchanges it, and decodes the answer as the command's response type.
     *
     * @param <R> the response type of the command
     * @param command the command
     * @return the response, or empty when the card stays silent
     * @throws NullPointerException if {@code command} is null
     */
    public <R extends FelicaResponse> Optional<R> execute(FelicaCommand<? extends R> command) {
        Objects.requireNonNull(command, "command");
        return transceive(command.encode()).map(command::decodeResponse);
    }

    /**
     * Returns the image this card started from.
     *
     * @return the initial image
     */
    public CardImage initialImage() {
        return state.image;
    }

    /**
     * Returns the IDm of system 0, the one a wildcard Polling finds.
     *
     * @return the IDm
     */
    public Idm idm() {
        return state.systems.get(0).idm;
    }

    /**
     * Returns the IDm of a system.
     *
     * @param systemCode the system code
     * @return the IDm
     * @throws IllegalArgumentException if the card has no such system
     */
    public Idm idm(SystemCode systemCode) {
        return state.system(systemCode).idm;
    }

    /**
     * Returns the PMm of system 0.
     *
     * @return the PMm
     */
    public Pmm pmm() {
        return state.systems.get(0).image.pmm().orElseThrow();
    }

    /**
     * Returns the system codes, system 0 first.
     *
     * @return the codes
     */
    public List<SystemCode> systemCodes() {
        return state.systemCodes();
    }

    /**
     * Returns the system selected by the last Polling or the last command addressed to a system's IDm.
     *
     * @return the system code
     */
    public SystemCode selectedSystem() {
        lock.lock();
        try {
            return state.systems.get(state.selected).image.systemCode();
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
            return state.mode;
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
            return state.storage(systemCode, serviceCode, blockNumber).blocks[blockNumber].clone();
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
            state.storage(systemCode, serviceCode, blockNumber).blocks[blockNumber] = data.clone();
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
        return state.storage(systemCode, serviceCode, 0).blocks.length;
    }

    /**
     * Returns the card's current contents as an image, for example to save it or start another card from it.
     *
     * @return the image
     */
    public CardImage snapshot() {
        lock.lock();
        try {
            return state.snapshot();
        } finally {
            lock.unlock();
        }
    }

    /** Answers one frame under the lock; null means silence. */
    private FelicaResponse answer(byte[] frame) {
        int code = frame[1] & 0xFF;
        if (code == PollingCommand.CODE) {
            return decode(frame) instanceof PollingCommand polling ? CardCommands.polling(polling, state, null) : null;
        }
        if (frame.length < 10) {
            return null;
        }
        // A command addressed to another system's IDm switches to that system, whatever the command.
        int index = state.systemIndex(Bytes.be64(frame, 2));
        if (index < 0) {
            return null;
        }
        state.selected = index;
        SystemState system = state.systems.get(index);
        Handler<?> handler = HANDLERS.get(code);
        if (handler == null) {
            return null;
        }
        FelicaCommand<?> command = decode(frame);
        return command != null ? handler.answer(command, state, system)
                : BlockAccess.malformed(code, frame, state, system);
    }

    /** The command, or null when the codec refuses the frame. */
    private static FelicaCommand<?> decode(byte[] frame) {
        try {
            return FelicaDecoder.decodeCommand(frame);
        } catch (FelicaFormatException e) {
            return null;
        }
    }

    private static Integer code(byte code) {
        return code & 0xFF;
    }

    /** A handler with the command type it takes. */
    private record Handler<C extends FelicaCommand<?>>(Class<C> type, CommandHandler<C> handler) {

        FelicaResponse answer(FelicaCommand<?> command, CardState card, SystemState system) {
            return handler.answer(type.cast(command), card, system);
        }
    }
}
