package dev.starling.model;

import java.util.Arrays;
import java.util.Objects;

/** An immutable sequence of bytes, such as a SASL challenge or an in-band bytestream chunk. */
public final class Bytes {

    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of the given array. */
    public static Bytes of(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** The empty sequence. */
    public static Bytes empty() {
        return EMPTY;
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Bytes[" + data.length + "]";
    }

    /** A read-only view of the bytes (no copy). */
    public java.nio.ByteBuffer asReadOnlyBuffer() {
        return java.nio.ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** Wraps an array the caller promises never to modify again (no copy). */
    public static Bytes wrapOwned(byte[] data) {
        return new Bytes(Objects.requireNonNull(data, "data"));
    }
}
