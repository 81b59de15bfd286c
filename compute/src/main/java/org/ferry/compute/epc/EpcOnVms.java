package org.ferry.compute.epc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.qemu.GuestApplication;
import org.ferry.compute.qemu.GuestSpec;
import org.ferry.compute.qemu.QemuVim;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.TestbedLayout;

/**
 * The HSS, MME and SPGW stand-ins each in its own QEMU guest (TCG, 1 vCPU), run from the guests'
 * Java runtime disk, with the Internet host as a container beside them. A guest keeps the
 * function's address and MAC; its files (the HSS's store, the SPGW's configuration) are in the
 * guest's memory under {@link GuestApplication#DIRECTORY}, so they move with it. Each function
 * answers {@code status} on its own address, port {@value #CONTROL_PORT}, read from the namespace
 * of the site where its guest runs (not across the lightpath, which a move may be using or a
 * fibre cut may have taken down).
 */
public final class EpcOnVms extends EpcStandIns {

  /**
   * Guest memory: the kernel, the initramfs, the application's tmpfs and a JVM with a 64 MiB
   * heap fit with room; what a move sends is what the guest touched, far less.
   */
  static final long GUEST_MEMORY_MIB = 512;

  private final QemuVim vim;
  private final Map<EpcFunction, Map<String, String>> texts = new EnumMap<>(EpcFunction.class);

  /**
   * @param vim the VIM the HSS, MME and SPGW guests run under
   * @param internetVim where the Internet host runs, as a container
   * @param naming the VNF id of each function
   */
  public EpcOnVms(QemuVim vim, CriuContainerVim internetVim, TestbedLayout layout, Path work,
      Function<EpcFunction, VnfId> naming) {
    super(internetVim, layout, work, naming);
    this.vim = vim;
  }

  @Override
  public QemuVim vim() {
    return vim;
  }

  @Override
  protected void start(EpcFunction f, Placement site, List<String> jarArguments) {
    List<String> command = new ArrayList<>(List.of(GuestApplication.JAVA));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", GuestApplication.inGuest(jar.getFileName().toString())));
    command.addAll(jarArguments);
    GuestApplication app = new GuestApplication(command, List.of(jar),
        texts.getOrDefault(f, Map.of()), "READY ");
    vim.start(id(f), new GuestSpec(1, GUEST_MEMORY_MIB, f.address(), f.mac(), 0, 0)
        .withApplication(app), site);
  }

  @Override
  protected String file(EpcFunction f, String name, String content) {
    if (content != null) {
      texts.computeIfAbsent(f, k -> new LinkedHashMap<>()).put(name, content);
    }
    return GuestApplication.inGuest(name);
  }

  @Override
  protected String control(EpcFunction f) {
    return f.address() + ":" + CONTROL_PORT;
  }

  @Override
  protected CommandRunner.Result statusLine(EpcFunction f) {
    Placement at = vim.locate(id(f)).orElseThrow(() -> new IllegalStateException(id(f)
        + " does not run under " + vim.name()));
    return run.attempt(List.of("sh", "-c", "echo status | ip netns exec "
        + layout.site(at.site()).namespace() + " socat -t 2 -T 3 - TCP:" + control(f)));
  }

  /** Also whether the guest is sound, and the end of its console. */
  @Override
  public String diagnosis(EpcFunction f) {
    return super.diagnosis(f) + "; " + vim.fault(id(f)).orElse("no fault on its console")
        + "; console: " + vim.consoleTail(id(f)).replace('\n', '|');
  }

  /** A JVM under TCG starts about 30 times slower than on the host. */
  @Override
  protected Duration startTimeout() {
    return Duration.ofSeconds(120);
  }

  @Override
  protected void stop(EpcFunction f) {
    vim.stop(id(f));
  }
}
