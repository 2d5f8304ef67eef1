package io.github.walletdevice.felica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void idm() {
        Idm idm = Idm.parse("012E4CD4A1B2C3D4");
        assertThat(idm.systemNumber()).isZero();
        assertThat(idm.manufacturerCode()).isEqualTo(0x012E);
        assertThat(idm.cardIdentificationNumber()).isEqualTo(0x4CD4A1B2C3D4L);
        Idm system1 = idm.withSystemNumber(1);
        assertThat(system1).hasToString("112E4CD4A1B2C3D4");
        assertThat(system1.systemNumber()).isEqualTo(1);
        assertThat(system1.manufacturerCode()).isEqualTo(idm.manufacturerCode());
        assertThat(idm.withSystemNumber(15).systemNumber()).isEqualTo(15);
        assertThat(Idm.parse("F12E4CD4A1B2C3D4").systemNumber()).isEqualTo(15);
        assertThat(Idm.parse("01FE000000000000").isNfcDepTarget()).isTrue();
        assertThat(idm.isNfcDepTarget()).isFalse();
        assertThat(idm.bytes()).containsExactly(0x01, 0x2E, 0x4C, 0xD4, 0xA1, 0xB2, 0xC3, 0xD4);
        assertThatThrownBy(() -> idm.withSystemNumber(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Idm.parse("0102")).hasMessageContaining("8 bytes");
        assertThatThrownBy(() -> Idm.parse("zz2E4CD4A1B2C3D4")).hasMessageContaining("not a hex digit");
        assertThatThrownBy(() -> Idm.of(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pmm() {
        Pmm pmm = Pmm.parse("100B4B428485D0FF");
        assertThat(pmm.romType()).isEqualTo(0x10);
        assertThat(pmm.icType()).isEqualTo(0x0B);
        assertThat(pmm.icCode()).isEqualTo(0x100B);
        assertThat(pmm.icTypeName()).contains("new Suica");
        assertThat(pmm.byteAt(7)).isEqualTo(0xFF);
        assertThat(Pmm.parse("0020000000000000").icTypeName()).contains("RC-S962");
        assertThat(Pmm.parse("00F1000000000000").icTypeName()).contains("FeliCa Lite-S RC-S966");
        assertThat(Pmm.parse("0016000000000000").icTypeName()).contains("Mobile FeliCa 3.0");
        assertThat(Pmm.parse("0099000000000000").icTypeName()).isEmpty();
        assertThat(pmm).hasToString("100B4B428485D0FF");
        assertThatThrownBy(() -> pmm.byteAt(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pmm.readTimeout(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceCodeAttributes() {
        ServiceCode history = ServiceCode.of(0x090F);
        assertThat(history.isCyclic()).isTrue();
        assertThat(history.isReadOnly()).isTrue();
        assertThat(history.requiresKey()).isFalse();
        assertThat(history.describe()).isEqualTo("090F (number 36, cyclic, read-only, without key)");
        ServiceCode purse = ServiceCode.of(0x40, ServiceAttribute.PURSE_DIRECT_WITHOUT_KEY);
        assertThat(purse).hasToString("1011");
        assertThat(purse.isPurse()).isTrue();
        assertThat(purse.isReadOnly()).isFalse();
        assertThat(purse.attributeInfo()).contains(ServiceAttribute.PURSE_DIRECT_WITHOUT_KEY);
        assertThat(ServiceCode.of(0x1088).requiresKey()).isTrue();
        assertThat(ServiceCode.of(0x1088).isRandom()).isTrue();
        assertThat(ServiceCode.of(0x1017).isReadOnly()).isTrue();
        assertThat(ServiceCode.of(0x1000).attributeInfo()).isEmpty();
        assertThat(ServiceCode.of(0x1000).type()).isEmpty();
        assertThat(ServiceCode.of(0x1000).describe()).contains("not a service attribute");
        assertThat(ServiceCode.of(0x0029).requiresPin()).isTrue();
        assertThat(ServiceCode.of(0x0029).attributeInfo()).contains(ServiceAttribute.RANDOM_READ_WRITE_WITHOUT_KEY);
        for (ServiceAttribute a : ServiceAttribute.values()) {
            assertThat(ServiceAttribute.of(a.value())).contains(a);
            assertThat(a.requiresKey()).isEqualTo((a.value() & 1) == 0);
        }
        assertThat(ServiceAttribute.PURSE_READ_ONLY_WITH_KEY.isReadOnly()).isTrue();
        assertThat(ServiceAttribute.PURSE_DECREMENT_WITHOUT_KEY.access()).isEqualTo(ServiceAccess.PURSE_DECREMENT);
        assertThat(ServiceAttribute.of(0x40)).isEmpty();
        assertThatThrownBy(() -> ServiceCode.of(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceCode.of(1024, 0)).hasMessageContaining("10 bits");
        assertThatThrownBy(() -> ServiceCode.of(1, 0x40)).hasMessageContaining("6 bits");
    }

    @Test
    void areaNodeAndSystemCodes() {
        AreaCode area = AreaCode.of(0x40, 0x00);
        assertThat(area).hasToString("1000");
        assertThat(area.canCreateSubArea()).isTrue();
        assertThat(AreaCode.of(0x1001).canCreateSubArea()).isFalse();
        assertThat(area.bytes()).containsExactly(0x00, 0x10);
        assertThat(area.nodeCode()).isEqualTo(NodeCode.of(0x1000));
        assertThat(NodeCode.SYSTEM.isSystem()).isTrue();
        assertThat(NodeCode.of(ServiceCode.of(0x090F)).asServiceCode()).isEqualTo(ServiceCode.of(0x090F));
        assertThat(NodeCode.of(AreaCode.ROOT).asAreaCode()).isEqualTo(AreaCode.ROOT);
        assertThat(SystemCode.of(0x0003).bytes()).containsExactly(0x00, 0x03);
        assertThat(SystemCode.WILDCARD.matches(SystemCode.of(0xFE00))).isTrue();
        assertThat(SystemCode.of(0xFEFF).matches(SystemCode.of(0xFE00))).isTrue();
        assertThat(SystemCode.of(0xFFE1).matches(SystemCode.of(0xFEE1))).isTrue();
        assertThat(SystemCode.of(0xFEFF).matches(SystemCode.of(0x0003))).isFalse();
        assertThat(SystemCode.of(0x0003).matches(SystemCode.of(0x0003))).isTrue();
        assertThat(SystemCode.of(0x0003).matches(SystemCode.of(0x0103))).isFalse();
        assertThat(SystemCode.of(0x00FF).hasWildcard()).isTrue();
        assertThat(SystemCode.of(0x0003).hasWildcard()).isFalse();
        assertThat(KeyVersion.MISSING_NODE.nodeExists()).isFalse();
        assertThat(KeyVersion.of(0)).hasToString("0000");
        assertThatThrownBy(() -> SystemCode.parse("000003")).hasMessageContaining("2 bytes");
        assertThatThrownBy(() -> new NodeCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purseBlockLayout() {
        PurseBlock p = PurseBlock.of(1500).withExecutionId(0x0102);
        byte[] b = p.toBytes();
        assertThat(b).hasSize(16);
        assertThat(b[0] & 0xFF).isEqualTo(0xDC);
        assertThat(b[1] & 0xFF).isEqualTo(0x05);
        assertThat(b[14]).isEqualTo((byte) 0x02);
        assertThat(b[15]).isEqualTo((byte) 0x01);
        assertThat(PurseBlock.parse(b).balance()).isEqualTo(1500);
        byte[] full = new byte[16];
        java.util.Arrays.fill(full, (byte) 0xFF);
        assertThat(PurseBlock.parse(full).balance()).isEqualTo(0xFFFF_FFFFL);
        assertThat(PurseBlock.parse(full).cashbackData()).hasSize(6);
        assertThat(PurseBlock.parse(full).userData()).hasSize(4);
        assertThat(p.withBalance(7).balance()).isEqualTo(7);
        assertThat(p.toString()).contains("balance=1500").contains("executionId=258");
        assertThatThrownBy(() -> PurseBlock.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurseBlock.of(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PurseBlock.parse(new byte[15])).hasMessageContaining("16 bytes");
        byte[] cashback = new byte[6];
        PurseBlock q = new PurseBlock(1, cashback, new byte[4], 0);
        cashback[0] = 9;
        assertThat(q.cashbackData()[0]).isZero();
    }

    @Test
    void recordsWithArraysCopyDefensivelyAndCompareByContent() {
        byte[] data = SampleFrames.block(1);
        WriteWithoutEncryptionCommand w = WriteWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(9), 0, data);
        data[0] = 42;
        assertThat(w.block(0)[0]).isNotEqualTo((byte) 42);
        w.blockData()[0] = 42;
        assertThat(w.blockData()[0]).isNotEqualTo((byte) 42);
        WriteWithoutEncryptionCommand same = WriteWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(9), 0,
                SampleFrames.block(1));
        assertThat(w).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(w).isNotEqualTo(WriteWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(9), 0,
                SampleFrames.block(2)));
        assertThat(w.blockDataList()).hasSize(1);
        assertThat(new Authentication2Response(new byte[32])).isEqualTo(new Authentication2Response(new byte[32]));
        assertThat(new UnknownResponse(0x15, new byte[] {1})).isNotEqualTo(new UnknownResponse(0x15, new byte[] {2}));
    }

    @Test
    void readableToString() {
        assertThat(ReadWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(0x090F), 0, 1))
                .hasToString("ReadWithoutEncryptionCommand[idm=0123456789ABCDEF, services=[090F], blocks=[0:0, 0:1]]");
        assertThat(BlockListElement.of(1, 3, 12)).hasToString("1:12 am=3");
        assertThat(new BlockListElement(0, 0, 1, true)).hasToString("0:1 3-byte");
        assertThat(ReadWithoutEncryptionResponse.error(SampleFrames.IDM, StatusFlag1.of(1), StatusFlag2.NODE_NOT_FOUND))
                .hasToString("ReadWithoutEncryptionResponse[idm=0123456789ABCDEF, statusFlag1=01, statusFlag2=A6 "
                        + "(service or node does not exist)]");
        assertThat(WriteWithoutEncryptionCommand.of(SampleFrames.IDM, ServiceCode.of(0x1011), 0, new byte[16]))
                .hasToString("WriteWithoutEncryptionCommand[idm=0123456789ABCDEF, services=[1011], blocks=[0:0], "
                        + "blockData=[00000000000000000000000000000000]]");
        assertThat(SearchServiceCodeResponse.end(SampleFrames.IDM)).hasToString(
                "SearchServiceCodeResponse[idm=0123456789ABCDEF, end]");
        assertThat(new UnknownCommand(0x14, new byte[] {1, 2})).hasToString("UnknownCommand[code=14, body=0102]");
        assertThat(new RequestSystemCodeResponse(SampleFrames.IDM, java.util.List.of(SystemCode.of(3))))
                .hasToString("RequestSystemCodeResponse[idm=0123456789ABCDEF, systemCodes=[0003]]");
        for (FelicaFrame f : SampleFrames.all()) {
            assertThat(f.toString()).startsWith(f.getClass().getSimpleName() + "[").doesNotContain("[B@");
        }
    }
}
