package org.ferry.compute.criu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.testbed.net.CommandFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies images between sites for one {@link CriuContainerVim}: a stop-and-copy image to the
 * destination ({@code tar | socat} over the lightpath), and, for a restore at the source after a
 * failed move, the memory pages that the dump's page server wrote at the destination back to the
 * source's image.
 */
final class ImageTransfer {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);

  private final String vim;
  private final Sites sites;
  private final AtomicInteger sequence;
  /** Where a stop-and-copy dump's page server wrote the memory pages, per move. */
  private final Map<String, Placement> pagesAt = new ConcurrentHashMap<>();

  ImageTransfer(String vim, Sites sites, AtomicInteger sequence) {
    this.vim = vim;
    this.sites = sites;
    this.sequence = sequence;
  }

  /** Records that the page server of this image's move wrote its memory pages at {@code site}. */
  void pagesWrittenAt(Path imageDir, Placement site) {
    pagesAt.put(ImageFiles.key(imageDir), site);
  }

  /** See {@link CriuContainerVim#transfer}. */
  CheckpointImage transfer(CheckpointImage image, Placement destination, NetworkPath path) {
    SiteNetwork from = sites.require(image.location());
    SiteNetwork to = sites.require(destination);
    Path source = Path.of(image.path());
    ImageFiles.requireImage(vim, source);
    if (destination.equals(image.location())) {
      return image;
    }
    Path target = source.resolveSibling(to.placement().site().value());
    ImageFiles.createDirectory(target);
    try {
      copy(from, source, to, target, List.of("."), path);
    } catch (CommandFailedException e) {
      throw new MigrationFailedException(vim, "transfer of " + source + " from "
          + image.location() + " to " + destination + " failed: " + e.getMessage(), false);
    }
    return image.at(destination, target.toString());
  }

  /** Copies {@code files} of {@code source} at one site into {@code target} at another. */
  private void copy(SiteNetwork from, Path source, SiteNetwork to, Path target,
      List<String> files, NetworkPath path) {
    ImageFiles.createDirectory(target);
    int port = 9900 + sequence.incrementAndGet() % 90;
    long bytes = ImageFiles.sizeOf(source);
    Duration timeout = Duration.ofSeconds(30).plus(path.rate().timeToSend(DataSize.ofBytes(bytes))
        .multipliedBy(5));
    Path receiverLog = target.resolveSibling("receiver.out");
    Process receiver = Processes.background(List.of("ip", "netns", "exec", to.netns(), "socat",
        "-u", "TCP-LISTEN:" + port + ",bind=" + to.hostAddress() + ",reuseaddr",
        "SYSTEM:tar -x -C " + target), receiverLog);
    try {
      Processes.run(timeout, List.of("ip", "netns", "exec", from.netns(), "sh", "-c",
          "tar -c -C '" + source + "' " + String.join(" ", files) + " | socat -u STDIN TCP:"
              + to.hostAddress() + ":" + port + ",bind=" + from.hostAddress()
              + ",retry=100,interval=0.02"));
      if (!receiver.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          || receiver.exitValue() != 0) {
        throw new CommandFailedException(List.of("socat", "(receiver at " + to.placement() + ")"),
            "did not finish cleanly" + Processes.quote(ImageFiles.tail(receiverLog)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException(List.of("socat"), "interrupted");
    } finally {
      Processes.kill(receiver);
    }
  }

  /**
   * For a restore at the source after a failed move: brings back the memory pages that the dump's
   * page server wrote at the destination.
   */
  void pagesBack(CheckpointImage image, SiteNetwork site, Path dir) {
    Placement at = pagesAt.get(ImageFiles.key(dir));
    if (at == null || at.equals(image.location())) {
      return;
    }
    Path remote = dir.resolveSibling(at.site().value());
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(remote)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("pages-") || n.startsWith("pagemap-"))
          .filter(n -> !Files.exists(dir.resolve(n)))
          .forEach(missing::add);
    } catch (IOException e) {
      throw new MigrationFailedException(vim, "the memory pages of " + image.vnf()
          + " went to " + at + ", and " + remote + " cannot be read: " + e.getMessage(), false);
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      copy(sites.require(at), remote, site, dir, missing,
          new NetworkPath(DataRate.ofGbps(1), Duration.ZERO));
    } catch (CommandFailedException e) {
      throw new MigrationFailedException(vim, "could not bring the memory pages of "
          + image.vnf() + " back from " + at + ": " + e.getMessage(), false);
    }
    log.info("memory pages of {} copied back from {} for a restore at {}", image.vnf(), at,
        image.location());
  }

  /**
   * Before an image directory goes: if it holds the move's memory pages, while the source's image
   * is kept (for a restore at the source after a failed move), the pages go back to it first.
   */
  void beforeDiscard(CheckpointImage image) {
    Path dir = Path.of(image.path());
    if (image.location().equals(pagesAt.get(ImageFiles.key(dir)))) {
      sourceImageOf(dir).ifPresent(source -> pagesBack(source, sites.require(source.location()),
          Path.of(source.path())));
      pagesAt.remove(ImageFiles.key(dir));
    }
  }

  /** The image of the same move kept at another site (the source's), if there is one. */
  private Optional<CheckpointImage> sourceImageOf(Path dir) {
    for (SiteNetwork other : sites.all()) {
      Path sibling = dir.resolveSibling(other.placement().site().value());
      if (!sibling.equals(dir) && ImageFiles.nonEmpty(sibling.resolve("inventory.img"))) {
        return Optional.of(new CheckpointImage(containerOf(dir), other.placement(),
            sibling.toString(), DataSize.ZERO, DataSize.ZERO, MigrationApproach.STOP_AND_COPY));
      }
    }
    return Optional.empty();
  }

  private VnfId containerOf(Path dir) {
    String move = dir.toAbsolutePath().getParent().getFileName().toString();
    return VnfId.of(move.substring(0, move.lastIndexOf('-')));
  }
}
