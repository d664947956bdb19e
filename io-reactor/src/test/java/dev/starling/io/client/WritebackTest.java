package dev.starling.io.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritebackTest {

    @TempDir
    Path dir;

    @Test
    void writesAcrossWindowsAndFinishesWithEveryByteOnDisk() throws IOException {
        Path part = dir.resolve("a.part");
        byte[] block = new byte[1000];
        Arrays.fill(block, (byte) 7);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Writeback writeback = new Writeback(channel, 2500);
            for (int i = 0; i < 10; i++) {
                channel.write(ByteBuffer.wrap(block));
                writeback.wrote(block.length);
            }
            writeback.finish();
            assertThat(channel.isOpen()).isTrue();
        }
        assertThat(Files.size(part)).isEqualTo(10_000);
    }

    @Test
    void aPartFileClosedUnderItFailsTheFinish() throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("b.part"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Writeback writeback = new Writeback(channel, 10);
        channel.close();
        writeback.wrote(10); // a window is full: the background force, and the final one, meet a closed channel
        assertThatThrownBy(writeback::finish).isInstanceOf(IOException.class);
    }
}
