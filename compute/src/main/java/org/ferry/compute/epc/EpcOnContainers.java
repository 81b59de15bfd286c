package org.ferry.compute.epc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ferry.compute.criu.ContainerSpec;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.workload.Workloads;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.TestbedLayout;

/**
 * The EPC stand-ins as CRIU containers: each in its own PID and network namespace with a fixed
 * address and MAC, on the site's bridge. Each answers {@code status} on 127.0.0.1:{@value
 * #CONTROL_PORT} inside its container, read through {@code nsenter -n} and {@code socat}; its
 * files (the HSS's store, the SPGW's configuration) are on the host's file system, which both
 * sites share.
 */
public final class EpcOnContainers extends EpcStandIns {

  private final CriuContainerVim vim;

  /**
   * @param idPrefix the VNF ids are this plus the function's name (e.g. "fe-" gives "fe-hss"); it
   *     names the containers' veths and cgroups, so keep it unique to the testbed
   */
  public EpcOnContainers(CriuContainerVim vim, TestbedLayout layout, Path work, String idPrefix) {
    this(vim, layout, work, f -> VnfId.of(idPrefix + f.command()));
  }

  /** @param naming the VNF id of each function (its container's id) */
  public EpcOnContainers(CriuContainerVim vim, TestbedLayout layout, Path work,
      Function<EpcFunction, VnfId> naming) {
    super(vim, layout, work, naming);
    this.vim = vim;
  }

  @Override
  public CriuContainerVim vim() {
    return vim;
  }

  @Override
  protected void start(EpcFunction f, Placement site, List<String> jarArguments) {
    List<String> command = new ArrayList<>(List.of(Workloads.java()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(jarArguments);
    vim.start(new ContainerSpec(id(f), f.address() + "/" + layout.prefixLength(), f.mac(),
        Flavor.SMALL, command), site);
  }

  @Override
  protected String file(EpcFunction f, String name, String content) {
    Path p = work.resolve(name);
    if (content != null) {
      write(p, content);
    }
    return p.toString();
  }

  @Override
  protected String control(EpcFunction f) {
    return "127.0.0.1:" + CONTROL_PORT;
  }

  @Override
  protected CommandRunner.Result statusLine(EpcFunction f) {
    return run.attempt(List.of("sh", "-c", "echo status | nsenter -t " + vim.pid(id(f))
        + " -n socat -t 2 -T 3 - TCP:127.0.0.1:" + CONTROL_PORT));
  }

  @Override
  protected void stop(EpcFunction f) {
    vim.stop(id(f));
  }
}
