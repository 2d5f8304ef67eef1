package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link VirtualFelicaCard} remembers between frames: its systems' contents, the selected system and the
 * mode. Not thread-safe: the card holds its lock around every use.
 */
final class CardState {

    final CardImage image;
    final List<SystemState> systems;
    int selected;
    int mode;

    CardState(CardImage image) {
        this.image = image;
        List<SystemState> list = new ArrayList<>();
        for (SystemImage s : image.systems()) {
            list.add(new SystemState(s));
        }
        this.systems = List.copyOf(list);
    }

    /** The index of the system with this IDm, or -1 (the last one wins if two share it). */
    int systemIndex(long idmValue) {
        int index = -1;
        for (int i = 0; i < systems.size(); i++) {
            if (systems.get(i).idmValue == idmValue) {
                index = i;
            }
        }
        return index;
    }

    List<SystemCode> systemCodes() {
        List<SystemCode> codes = new ArrayList<>(systems.size());
        for (SystemState s : systems) {
            codes.add(s.image.systemCode());
        }
        return List.copyOf(codes);
    }

    SystemState system(SystemCode systemCode) {
        Objects.requireNonNull(systemCode, "systemCode");
        for (SystemState s : systems) {
            if (s.image.systemCode().equals(systemCode)) {
                return s;
            }
        }
        throw new IllegalArgumentException("the card has no system " + systemCode + "; it has " + systemCodes());
    }

    /** The storage of a service, checking that the block exists. */
    SystemState.Storage storage(SystemCode systemCode, ServiceCode serviceCode, int blockNumber) {
        Objects.requireNonNull(serviceCode, "serviceCode");
        SystemState.Service svc = system(systemCode).services.get(serviceCode.value());
        if (svc == null) {
            throw new IllegalArgumentException("system " + systemCode + " has no service " + serviceCode);
        }
        byte[][] blocks = svc.storage().blocks;
        if (blockNumber < 0 || blockNumber >= blocks.length) {
            throw new IllegalArgumentException("service " + serviceCode + " has blocks 0–" + (blocks.length - 1)
                    + ", not " + blockNumber);
        }
        return svc.storage();
    }

    /** The current contents as an image. */
    CardImage snapshot() {
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
                    byte[][] blocks = s.services.get(svc.serviceCode().value()).storage().blocks;
                    sb.service(ServiceImage.of(svc.serviceCode(), Arrays.asList(blocks), svc.keyVersion()));
                }
            }
            fresh.system(sb.build());
        }
        fresh.maxReadBlocks(image.maxReadBlocks()).maxWriteBlocks(image.maxWriteBlocks())
                .communicationPerformance(image.communicationPerformance());
        image.specificationVersion().ifPresent(fresh::specificationVersion);
        return fresh.build();
    }
}
