package io.github.walletdevice.felica.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.walletdevice.felica.AreaCode;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.Pmm;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ServiceAttribute;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardImageTest {

    private static final Idm IDM = Idm.parse("012E4CD4A1B2C3D4");
    private static final SystemCode SYS = SystemCode.of(0x0003);

    @Test
    void transitSampleLayout() {
        CardImage image = CardImages.transitSample();
        assertThat(image.systems()).hasSize(2);
        SystemImage transit = image.systems().get(0);
        assertThat(transit.systemCode()).isEqualTo(CardImages.TRANSIT_SYSTEM);
        assertThat(transit.idm()).contains(CardImages.TRANSIT_IDM);
        assertThat(transit.pmm()).contains(CardImage.DEFAULT_PMM);
        assertThat(image.systems().get(1).idm()).contains(Idm.parse("112E4CD4A1B2C3D4"));
        assertThat(transit.areas()).extracting(AreaImage::areaCode).containsExactly(CardImages.TRANSIT_AREA);
        assertThat(transit.services()).extracting(ServiceImage::serviceCode).containsExactly(CardImages.PURSE,
                CardImages.PURSE_READ_ONLY, CardImages.HISTORY, CardImages.PROTECTED, CardImages.CARD_INFO);
        assertThat(CardImages.PURSE.attributeInfo()).contains(ServiceAttribute.PURSE_DIRECT_WITHOUT_KEY);
        assertThat(CardImages.PURSE_READ_ONLY.attributeInfo()).contains(ServiceAttribute.PURSE_READ_ONLY_WITHOUT_KEY);
        assertThat(CardImages.HISTORY.attributeInfo()).contains(ServiceAttribute.CYCLIC_READ_WRITE_WITHOUT_KEY);
        assertThat(CardImages.PROTECTED.attributeInfo()).contains(ServiceAttribute.RANDOM_READ_WRITE_WITH_KEY);
        assertThat(CardImages.CARD_INFO.attributeInfo()).contains(ServiceAttribute.RANDOM_READ_ONLY_WITHOUT_KEY);
        assertThat(transit.service(CardImages.PURSE_READ_ONLY).orElseThrow().overlapOf()).contains(CardImages.PURSE);
        assertThat(transit.service(CardImages.HISTORY).orElseThrow().blockCount()).isEqualTo(10);
        assertThat(PurseBlock.parse(transit.service(CardImages.PURSE).orElseThrow().blocks().get(0)).balance())
                .isEqualTo(500);
        assertThat(CardImages.cardAccountId(transit.service(CardImages.CARD_INFO).orElseThrow().blocks().get(0)))
                .isEqualTo(CardImages.DEFAULT_CARD_ACCOUNT_ID);
        CardImage rich = CardImages.transitSample(12345, "ACC-42");
        VirtualFelicaCard card = VirtualFelicaCard.of(rich);
        assertThat(PurseBlock.parse(card.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.PURSE, 0)).balance())
                .isEqualTo(12345);
        assertThat(CardImages.cardAccountId(card.readBlock(CardImages.TRANSIT_SYSTEM, CardImages.CARD_INFO, 0)))
                .isEqualTo("ACC-42");
        assertThatThrownBy(() -> CardImages.transitSample(1, "")).hasMessageContaining("1–16 ASCII");
        assertThatThrownBy(() -> CardImages.transitSample(1, "12345678901234567")).hasMessageContaining("1–16");
        assertThatThrownBy(() -> CardImages.transitSample(1, "é")).hasMessageContaining("ASCII");
    }

    @Test
    void idmsAndPmmsAreResolvedPerSystem() {
        Pmm pmm = Pmm.parse("0120FFFFFFFFFFFF");
        Pmm own = Pmm.parse("00F1000000014300");
        CardImage image = CardImage.builder().idm(Idm.parse("F12E4CD4A1B2C3D4")).pmm(pmm)
                .system(SYS, s -> s.service(ServiceCode.of(0x0009), 1))
                .system(SystemCode.of(0x12FC), s -> s.pmm(own).service(ServiceCode.of(0x000B), 1))
                .system(SystemCode.of(0x88B4), s -> s.idm(Idm.parse("2200000000000001")).service(ServiceCode.of(9), 1))
                .build();
        assertThat(image.systems().get(0).idm()).contains(IDM);
        assertThat(image.systems().get(1).idm()).contains(IDM.withSystemNumber(1));
        assertThat(image.systems().get(2).idm()).contains(Idm.parse("2200000000000001"));
        assertThat(image.systems().get(0).pmm()).contains(pmm);
        assertThat(image.systems().get(1).pmm()).contains(own);
        assertThat(image.system(SystemCode.of(0x12FC))).isPresent();
        assertThat(image.system(SystemCode.of(0x1234))).isEmpty();
    }

    @Test
    void invalidImagesAreRejectedWithAReason() {
        assertThatThrownBy(() -> CardImage.builder().idm(IDM).build()).hasMessageContaining("1–16 systems, got 0");
        assertThatThrownBy(() -> CardImage.builder().system(SYS, s -> s.service(ServiceCode.of(9), 1)).build())
                .hasMessageContaining("has no IDm");
        assertThatThrownBy(() -> CardImage.builder().idm(IDM).system(SYS, s -> { }).system(SYS, s -> { }).build())
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> CardImage.builder().system(SYS, s -> s.idm(IDM.withSystemNumber(2))).build())
                .hasMessageContaining("system number").hasMessageContaining("withSystemNumber(0)");
        assertThatThrownBy(() -> CardImage.builder().system(SystemCode.WILDCARD, s -> { }))
                .hasMessageContaining("wildcard");
        assertThatThrownBy(() -> SystemImage.builder(SYS).service(ServiceCode.of(9), 1).service(ServiceCode.of(9), 2))
                .hasMessageContaining("already defined");
        assertThatThrownBy(() -> SystemImage.builder(SYS).service(ServiceCode.of(0x1000), 1))
                .hasMessageContaining("not a service attribute");
        assertThatThrownBy(() -> SystemImage.builder(SYS).service(ServiceCode.of(0x1011), 2))
                .hasMessageContaining("exactly one block");
        assertThatThrownBy(() -> SystemImage.builder(SYS).service(ServiceCode.of(9), 0)).hasMessageContaining("1–65536");
        assertThatThrownBy(() -> SystemImage.builder(SYS).service(ServiceCode.of(9), new byte[15]))
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> SystemImage.builder(SYS).overlapService(ServiceCode.of(0x1017), ServiceCode.of(0x1011)))
                .hasMessageContaining("to be added first");
        assertThatThrownBy(() -> SystemImage.builder(SYS).overlapService(ServiceCode.of(0x1057), ServiceCode.of(0x1011)))
                .hasMessageContaining("service number");
        assertThatThrownBy(() -> SystemImage.builder(SYS).service(ServiceCode.of(0x1011), 1)
                .overlapService(ServiceCode.of(0x100B), ServiceCode.of(0x1011))).hasMessageContaining("PURSE");
        assertThatThrownBy(() -> SystemImage.builder(SYS).area(AreaCode.of(0x1008), 0x13FF))
                .hasMessageContaining("area attribute");
        assertThatThrownBy(() -> SystemImage.builder(SYS).area(AreaCode.of(0x1000), 0x0FFF))
                .hasMessageContaining("end service code");
        assertThatThrownBy(() -> SystemImage.builder(SYS).area(AreaCode.ROOT, 0xFFFE)).hasMessageContaining("root");
        assertThatThrownBy(() -> SystemImage.builder(SYS).area(AreaCode.of(0x1000), 0x13FF)
                .area(AreaCode.of(0x1000), 0x13FF)).hasMessageContaining("already defined");
        assertThatThrownBy(() -> SystemImage.builder(SYS).keyVersion(0xFFFF)).hasMessageContaining("0000–FFFE");
        assertThatThrownBy(() -> CardImage.builder().maxReadBlocks(16)).hasMessageContaining("1–15");
        assertThatThrownBy(() -> CardImage.builder().maxWriteBlocks(0)).hasMessageContaining("1–13");
        CardImage.Builder many = CardImage.builder().idm(IDM);
        for (int i = 0; i < 17; i++) {
            many.system(SystemCode.of(i), s -> { });
        }
        assertThatThrownBy(many::build).hasMessageContaining("1–16 systems, got 17");
    }

    @Test
    void serviceImagesAreImmutable() {
        byte[] b = new byte[16];
        ServiceImage s = ServiceImage.of(ServiceCode.of(9), List.of(b), 0);
        b[0] = 1;
        assertThat(s.blocks().get(0)[0]).isZero();
        s.blocks().get(0)[0] = 1;
        assertThat(s.blocks().get(0)[0]).isZero();
        assertThat(s).hasToString("ServiceImage[0009, 1 block]");
        assertThat(ServiceImage.overlap(ServiceCode.of(0x000B), ServiceCode.of(9), 0))
                .hasToString("ServiceImage[000B, overlaps 0009]");
    }
}
