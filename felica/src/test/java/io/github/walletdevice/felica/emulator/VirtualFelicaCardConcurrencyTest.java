package io.github.walletdevice.felica.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.walletdevice.felica.BlockListElement;
import io.github.walletdevice.felica.Idm;
import io.github.walletdevice.felica.PurseBlock;
import io.github.walletdevice.felica.ReadWithoutEncryptionCommand;
import io.github.walletdevice.felica.ReadWithoutEncryptionResponse;
import io.github.walletdevice.felica.ServiceCode;
import io.github.walletdevice.felica.SystemCode;
import io.github.walletdevice.felica.WriteWithoutEncryptionCommand;
import io.github.walletdevice.felica.WriteWithoutEncryptionResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads on one card: every exchange is atomic, nothing is lost and readers never see a torn block. */
class VirtualFelicaCardConcurrencyTest {

    private static final int THREADS = 8;
    private static final int WRITES = 200;
    private static final Idm IDM = Idm.parse("012E4CD4A1B2C3D4");
    private static final SystemCode SYS = SystemCode.of(0x0003);
    private static final ServiceCode LOG = ServiceCode.of(0x104D);     // cyclic, read/write, without key
    private static final ServiceCode PURSE = ServiceCode.of(0x1013);   // purse, cashback/decrement, without key
    private static final ServiceCode SLOTS = ServiceCode.of(0x1089);   // random, read/write, without key

    @Test
    void concurrentWritersAndReaders() throws Exception {
        VirtualFelicaCard card = VirtualFelicaCard.of(CardImage.builder().idm(IDM).system(SYS, s -> s
                .service(LOG, THREADS * WRITES)
                .service(PURSE, PurseBlock.of(THREADS * WRITES * 3L).toBytes())
                .service(SLOTS, THREADS)).build());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < WRITES; i++) {
                    // One command: a history record, a decrement of 3, and this thread's own slot.
                    byte[] record = record(thread, i);
                    WriteWithoutEncryptionCommand w = WriteWithoutEncryptionCommand.of(IDM, List.of(LOG, PURSE, SLOTS),
                            List.of(BlockListElement.of(0, 0), BlockListElement.of(1, 0), BlockListElement.of(2, thread)),
                            List.of(record, PurseBlock.of(3).toBytes(), record));
                    WriteWithoutEncryptionResponse r = (WriteWithoutEncryptionResponse) card.execute(w).orElseThrow();
                    assertThat(r.isSuccess()).isTrue();
                    ReadWithoutEncryptionResponse back = (ReadWithoutEncryptionResponse) card.execute(
                            ReadWithoutEncryptionCommand.of(IDM, SLOTS, thread)).orElseThrow();
                    assertThat(back.block(0)).isEqualTo(record);
                }
                return null;
            }));
        }
        for (int t = 0; t < 2; t++) {
            futures.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < WRITES; i++) {
                    // The balance only ever moves in steps of 3 from a multiple of 3: never a torn value.
                    long balance = PurseBlock.parse(card.readBlock(SYS, PURSE, 0)).balance();
                    assertThat(balance % 3).isZero();
                    card.snapshot();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(PurseBlock.parse(card.readBlock(SYS, PURSE, 0)).balance()).isZero();
        Set<String> records = new HashSet<>();
        int[] lastSeen = new int[THREADS];
        java.util.Arrays.fill(lastSeen, Integer.MAX_VALUE);
        for (int b = 0; b < THREADS * WRITES; b++) {
            ByteBuffer r = ByteBuffer.wrap(card.readBlock(SYS, LOG, b)).order(ByteOrder.LITTLE_ENDIAN);
            int thread = r.getInt();
            int seq = r.getInt();
            records.add(thread + ":" + seq);
            // Block 0 is the newest: each thread's records appear newest first.
            assertThat(seq).isLessThan(lastSeen[thread]);
            lastSeen[thread] = seq;
        }
        assertThat(records).hasSize(THREADS * WRITES);
        for (int t = 0; t < THREADS; t++) {
            assertThat(card.readBlock(SYS, SLOTS, t)).isEqualTo(record(t, WRITES - 1));
        }
    }

    private static byte[] record(int thread, int seq) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(thread).putInt(seq).array();
    }
}
