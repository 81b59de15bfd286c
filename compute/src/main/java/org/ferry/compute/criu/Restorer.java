package org.ferry.compute.criu;

import static org.ferry.compute.criu.CriuContainerVim.CRIU_TIMEOUT;
import static org.ferry.compute.criu.CriuContainerVim.VERBOSITY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.testbed.net.CommandFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores for one {@link CriuContainerVim}: {@code criu restore} under {@code nsenter --net} into
 * the image's site, its veth plugged into that site's bridge, with a lazy-pages daemon for a lazy
 * image; or, for a lazy image at its source, the still-present source tree thawed.
 */
final class Restorer {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);

  private final String vim;
  private final Criu criu;
  private final Sites sites;
  private final Containers containers;
  private final ImageTransfer transfer;
  private final LazyPages lazyPages;
  private final AtomicInteger sequence;

  Restorer(String vim, Criu criu, Sites sites, Containers containers, ImageTransfer transfer,
      LazyPages lazyPages, AtomicInteger sequence) {
    this.vim = vim;
    this.criu = criu;
    this.sites = sites;
    this.containers = containers;
    this.transfer = transfer;
    this.lazyPages = lazyPages;
    this.sequence = sequence;
  }

  /** See {@link CriuContainerVim#restore}. */
  void restore(CheckpointImage image) {
    Container c = containers.require(image.vnf());
    SiteNetwork site = sites.require(image.location());
    Path dir = Path.of(image.path());
    LazyPages.Session lazy = lazyPages.session(dir);
    if (lazy != null && image.location().equals(lazy.source.placement())) {
      lazyPages.thawAtSource(c, lazy, image);
      return;
    }
    ImageFiles.requireImage(vim, dir);
    if (image.approach() == MigrationApproach.STOP_AND_COPY) {
      transfer.pagesBack(image, site, dir);
    }
    Path pidfile = dir.resolve("restored-" + sequence.incrementAndGet() + ".pid");
    Containers.deleteVeth(site, c.hostIf);
    List<String> restore = new ArrayList<>(List.of("nsenter", "--net=" + site.netnsPath(),
        criu.command(), "restore", "-D", dir.toString(), "--tcp-established", "-d", "-o",
        "restore.log", VERBOSITY, "--pidfile", pidfile.toString(), "--external",
        "veth[eth0]:" + c.hostIf + "@" + site.bridge()));
    LazyPages.Session session = null;
    if (image.approach() == MigrationApproach.LAZY) {
      session = lazy;
      if (session == null) {
        throw new MigrationFailedException(vim, "no lazy dump serves the pages of " + dir,
            true);
      }
      lazyPages.startPager(session, site, dir);
      restore.add("--lazy-pages");
    }
    try {
      Processes.run(CRIU_TIMEOUT, restore);
    } catch (CommandFailedException e) {
      if (session != null && session.pager != null) {
        Processes.kill(session.pager);
      }
      Containers.deleteVeth(site, c.hostIf);
      throw new MigrationFailedException(vim, "restore of " + image.vnf() + " at "
          + image.location() + " failed: " + e.getMessage() + ImageFiles.errorLines(dir.resolve(
              "restore.log")), false);
    }
    long pid = readPid(pidfile);
    if (!image.location().equals(c.placement)) {
      SiteNetwork old = sites.get(c.placement);
      Containers.deleteVeth(old, c.hostIf);
    }
    c.pid = pid;
    c.placement = image.location();
    log.info("container {} restored at {} (pid {})", image.vnf(), image.location(), pid);
  }

  private long readPid(Path pidfile) {
    try {
      return Long.parseLong(Files.readString(pidfile).strip());
    } catch (IOException | NumberFormatException e) {
      throw new MigrationFailedException(vim, "criu restore wrote no usable pidfile "
          + pidfile + ": " + e.getMessage(), false);
    }
  }
}
