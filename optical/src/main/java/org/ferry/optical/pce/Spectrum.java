package org.ferry.optical.pce;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spectrum occupancy per fibre span on the C band, in the OpenROADM flex-grid slots of ITU-T
 * G.694.1: 768 slots of 6.25 GHz from 191.325 THz (slot 1) to 196.125 THz (top of slot 768).
 * A 50 GHz fixed-grid channel is 8 aligned slots: λ1 (196.1 THz) is slots 761:768, λ2 (196.05
 * THz) 753:760, and so on down. Both directions of a span share its occupancy.
 *
 * <p>Not thread-safe: the owner serialises access.
 */
public final class Spectrum {

  /** Slots on the band. */
  public static final int SLOTS = 768;
  /** Lower edge of slot 1, THz. */
  public static final double BAND_START_THZ = 191.325;
  /** Width of one slot, THz. */
  public static final double SLOT_THZ = 0.00625;

  private final Map<String, BitSet> used = new HashMap<>();

  public Spectrum(Collection<String> spans) {
    spans.forEach(s -> used.put(s, new BitSet(SLOTS + 1)));
  }

  /**
   * The highest free block of {@code slots} contiguous slots on every span given, free on all of
   * them: aligned to 8-slot channels on the fixed grid, any start on the flex grid.
   */
  public Optional<SpectrumAssignment> highestFree(
      List<String> spans, int slots, OpticalNetwork.Grid grid) {
    BitSet busy = new BitSet(SLOTS + 1);
    spans.forEach(s -> busy.or(require(s)));
    int step = grid == OpticalNetwork.Grid.FIXED ? 8 : 1;
    for (int high = SLOTS; high - slots + 1 >= 1; high -= step) {
      int low = high - slots + 1;
      if (busy.get(low, high + 1).isEmpty()) {
        return Optional.of(SpectrumAssignment.of(low, high, grid));
      }
    }
    return Optional.empty();
  }

  /**
   * Marks a block used on each span.
   *
   * @throws IllegalStateException if any slot of it is in use already on one of them: the caller
   *     must have checked, and two services must never share a slot on a span
   */
  public void occupy(List<String> spans, SpectrumAssignment block) {
    for (String s : spans) {
      if (!require(s).get(block.lowSlot(), block.highSlot() + 1).isEmpty()) {
        throw new IllegalStateException("slots " + block.slots() + " are in use already on " + s);
      }
    }
    spans.forEach(s -> require(s).set(block.lowSlot(), block.highSlot() + 1));
  }

  /** Frees a block on each span. */
  public void release(List<String> spans, SpectrumAssignment block) {
    spans.forEach(s -> require(s).clear(block.lowSlot(), block.highSlot() + 1));
  }

  /** Slots in use on one span. */
  public int usedSlots(String span) {
    return require(span).cardinality();
  }

  /**
   * The OpenROADM {@code avail-freq-maps} bitmap of one span: 96 bytes, one bit per slot, slot 1
   * in the low bit of byte 0; a set bit is a free slot (so a byte of 255 is 8 free slots).
   */
  public byte[] availableMap(String span) {
    BitSet busy = require(span);
    byte[] map = new byte[SLOTS / 8];
    for (int slot = 1; slot <= SLOTS; slot++) {
      if (!busy.get(slot)) {
        map[(slot - 1) / 8] |= (byte) (1 << ((slot - 1) % 8));
      }
    }
    return map;
  }

  private BitSet require(String span) {
    BitSet bits = used.get(span);
    if (bits == null) {
      throw new IllegalArgumentException("unknown span " + span);
    }
    return bits;
  }
}
