package io.github.walletdevice.felica.emulator;

import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.ServiceAttribute;
import io.github.walletdevice.felica.ServiceCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The live contents of one system of a {@link VirtualFelicaCard}: its services' blocks and its search order. */
final class SystemState {

    /** The blocks of one service, shared with its overlap services. Replaced wholesale when a write commits. */
    static final class Storage {
        byte[][] blocks;

        Storage(byte[][] blocks) {
            this.blocks = blocks;
        }
    }

    /** One service: its code, attribute, key version and blocks. */
    record Service(ServiceCode code, ServiceAttribute attribute, Storage storage, int keyVersion) {

        Service(ServiceCode code, Storage storage, int keyVersion) {
            this(code, code.attributeInfo().orElseThrow(), storage, keyVersion);
        }
    }

    /** One node in Search Service Code order: an area ({@code end} its end service code) or a service. */
    record SearchNode(int code, int end) {
        static final int SERVICE = -1;
    }

    final SystemImage image;
    final Idm idm;
    final long idmValue;
    final Map<Integer, Service> services = new HashMap<>();
    private final Map<Integer, AreaImage> areas = new HashMap<>();
    /** The root area, then every area and service by ascending code. */
    final List<SearchNode> searchOrder;

    SystemState(SystemImage image) {
        this.image = image;
        this.idm = image.idm().orElseThrow();
        this.idmValue = idm.value();
        for (ServiceImage s : image.services()) {
            if (s.overlapOf().isEmpty()) {
                byte[][] blocks = new byte[s.blockCount()][];
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = s.blockUnsafe(i).clone();
                }
                services.put(s.serviceCode().value(),
                        new Service(s.serviceCode(), new Storage(blocks), s.keyVersion()));
            }
        }
        for (ServiceImage s : image.services()) {
            if (s.overlapOf().isPresent()) {
                Storage shared = services.get(s.overlapOf().get().value()).storage();
                services.put(s.serviceCode().value(), new Service(s.serviceCode(), shared, s.keyVersion()));
            }
        }
        List<SearchNode> nodes = new ArrayList<>();
        nodes.add(new SearchNode(0x0000, 0xFFFE));
        for (AreaImage a : image.areas()) {
            areas.put(a.areaCode().value(), a);
            nodes.add(new SearchNode(a.areaCode().value(), a.endServiceCode()));
        }
        for (ServiceImage s : image.services()) {
            nodes.add(new SearchNode(s.serviceCode().value(), SearchNode.SERVICE));
        }
        nodes.sort((x, y) -> Integer.compare(x.code(), y.code()));
        this.searchOrder = List.copyOf(nodes);
    }

    /** The key version of a node; {@code FFFF} for a node this system does not have. */
    int keyVersion(int node) {
        if (node == 0xFFFF || node == 0x0000) {
            return image.keyVersion();
        }
        Service s = services.get(node);
        if (s != null) {
            return s.keyVersion();
        }
        AreaImage a = areas.get(node);
        return a != null ? a.keyVersion() : 0xFFFF;
    }
}
