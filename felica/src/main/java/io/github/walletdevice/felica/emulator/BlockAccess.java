package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.BlockListElement;
import io.github.walletdevice.felica.FelicaResponse;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.ServiceAccess;
import io.github.walletdevice.felica.ServiceAttribute;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.ServiceType;
import io.github.walletdevice.felica.StatusFlag1;
import io.github.walletdevice.felica.StatusFlag2;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The virtual card's Read and Write Without Encryption handlers: the access rules, the status flags a card
 * reports, and the storage model of {@link VirtualFelicaCard}'s javadoc.
 */
final class BlockAccess {

    private BlockAccess() {
    }

    static FelicaResponse read(ReadWithoutEncryptionCommand command, CardState card, SystemState system) {
        if (command.blocks().size() > card.image.maxReadBlocks()) {
            return ReadWithoutEncryptionResponse.error(system.idm, StatusFlag1.GLOBAL_ERROR,
                    StatusFlag2.ILLEGAL_BLOCK_COUNT);
        }
        List<BlockListElement> elements = command.blocks();
        List<byte[]> out = new ArrayList<>(elements.size());
        for (int k = 0; k < elements.size(); k++) {
            BlockListElement e = elements.get(k);
            StatusFlag2 refused = check(system, command.services(), e, false);
            if (refused != null) {
                return ReadWithoutEncryptionResponse.error(system.idm, StatusFlag1.of(k + 1), refused);
            }
            out.add(service(system, command.services(), e).storage().blocks[e.blockNumber()]);
        }
        return ReadWithoutEncryptionResponse.success(system.idm, out);
    }

    /** All or nothing: changes are staged on copies of the blocks and stored only when every element succeeds. */
    static FelicaResponse write(WriteWithoutEncryptionCommand command, CardState card, SystemState system) {
        if (command.blocks().size() > card.image.maxWriteBlocks()) {
            return new WriteWithoutEncryptionResponse(system.idm, StatusFlag1.GLOBAL_ERROR,
                    StatusFlag2.ILLEGAL_BLOCK_COUNT);
        }
        List<BlockListElement> elements = command.blocks();
        byte[] allData = command.blockData();
        Map<SystemState.Storage, byte[][]> staged = new IdentityHashMap<>();
        Map<SystemState.Storage, Integer> cyclicWrites = new IdentityHashMap<>();
        for (int k = 0; k < elements.size(); k++) {
            BlockListElement e = elements.get(k);
            StatusFlag2 refused = check(system, command.services(), e, true);
            if (refused == null) {
                SystemState.Service svc = service(system, command.services(), e);
                byte[][] blocks = staged.computeIfAbsent(svc.storage(), st -> st.blocks.clone());
                byte[] data = Arrays.copyOfRange(allData, 16 * k, 16 * k + 16);
                refused = apply(svc, e, blocks, data, cyclicWrites);
            }
            if (refused != null) {
                return new WriteWithoutEncryptionResponse(system.idm, StatusFlag1.of(k + 1), refused);
            }
        }
        staged.forEach((storage, blocks) -> storage.blocks = blocks);
        return new WriteWithoutEncryptionResponse(system.idm, StatusFlag1.SUCCESS, StatusFlag2.SUCCESS);
    }

    /**
     * The answer to a frame the codec refused, addressed to {@code system}. To Read and Write Without Encryption
     * a card reports a service count outside 1–16 ({@code A1}) or a block count outside 1–the image's maximum
     * ({@code A2}) as soon as it reads the count, whatever follows; any other malformed frame gets no answer (null).
     */
    static FelicaResponse malformed(int code, byte[] frame, CardState card, SystemState system) {
        if (code == ReadWithoutEncryptionCommand.CODE) {
            StatusFlag2 count = countError(frame, card.image.maxReadBlocks());
            return count == null ? null
                    : ReadWithoutEncryptionResponse.error(system.idm, StatusFlag1.GLOBAL_ERROR, count);
        }
        if (code == WriteWithoutEncryptionCommand.CODE) {
            StatusFlag2 count = countError(frame, card.image.maxWriteBlocks());
            return count == null ? null
                    : new WriteWithoutEncryptionResponse(system.idm, StatusFlag1.GLOBAL_ERROR, count);
        }
        return null;
    }

    private static StatusFlag2 countError(byte[] frame, int maxBlocks) {
        int p = 10;
        if (p >= frame.length) {
            return null;
        }
        int m = frame[p] & 0xFF;
        if (m < 1 || m > ReadWithoutEncryptionCommand.MAX_SERVICES) {
            return StatusFlag2.ILLEGAL_SERVICE_COUNT;
        }
        p += 1 + 2 * m;
        if (p >= frame.length) {
            return null;
        }
        int n = frame[p] & 0xFF;
        return n < 1 || n > maxBlocks ? StatusFlag2.ILLEGAL_BLOCK_COUNT : null;
    }

    private static SystemState.Service service(SystemState system, List<ServiceCode> services, BlockListElement e) {
        return system.services.get(services.get(e.serviceIndex()).value());
    }

    /** Checks one element against the access rules; null when it may go ahead. */
    private static StatusFlag2 check(SystemState system, List<ServiceCode> services, BlockListElement e,
            boolean write) {
        if (e.serviceIndex() >= services.size()) {
            return StatusFlag2.ILLEGAL_SERVICE_ORDER;
        }
        SystemState.Service svc = service(system, services, e);
        if (svc == null) {
            return StatusFlag2.NODE_NOT_FOUND;
        }
        ServiceAttribute a = svc.attribute();
        int am = e.accessMode();
        boolean modeAllowed = am == BlockListElement.ACCESS_MODE_NORMAL
                || (write && am == BlockListElement.ACCESS_MODE_PURSE_CASHBACK
                        && a.access() == ServiceAccess.PURSE_CASHBACK_DECREMENT);
        if (!modeAllowed) {
            return StatusFlag2.ILLEGAL_ACCESS_MODE;
        }
        if (svc.code().requiresKey() || svc.code().requiresPin() || (write && a.isReadOnly())) {
            return StatusFlag2.ACCESS_REFUSED;
        }
        if (e.blockNumber() >= svc.storage().blocks.length) {
            return StatusFlag2.BLOCK_OUT_OF_RANGE;
        }
        if (write && a.type() == ServiceType.CYCLIC && e.blockNumber() != 0) {
            return StatusFlag2.ACCESS_REFUSED;
        }
        return null;
    }

    /** Applies one checked write to the staged blocks; null on success. */
    private static StatusFlag2 apply(SystemState.Service svc, BlockListElement e, byte[][] blocks, byte[] data,
            Map<SystemState.Storage, Integer> cyclicWrites) {
        ServiceAttribute a = svc.attribute();
        switch (a.type()) {
            case CYCLIC:
                // Block 0 is the newest record: the others move down one place and the oldest drops out.
                if (cyclicWrites.merge(svc.storage(), 1, Integer::sum) > blocks.length) {
                    return StatusFlag2.TOO_MANY_CYCLIC_WRITES;
                }
                System.arraycopy(blocks, 0, blocks, 1, blocks.length - 1);
                blocks[0] = data;
                return null;
            case PURSE:
                if (a.access() != ServiceAccess.PURSE_DIRECT) {
                    long amount = le32(data);
                    long result = e.accessMode() == BlockListElement.ACCESS_MODE_PURSE_CASHBACK
                            ? le32(blocks[0]) + amount : le32(blocks[0]) - amount;
                    if (result < 0 || result > 0xFFFF_FFFFL) {
                        return StatusFlag2.PURSE_OUT_OF_RANGE;
                    }
                    for (int i = 0; i < 4; i++) {
                        data[i] = (byte) (result >>> (8 * i));
                    }
                }
                blocks[0] = data;
                return null;
            default:
                blocks[e.blockNumber()] = data;
                return null;
        }
    }

    private static long le32(byte[] b) {
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }
}
