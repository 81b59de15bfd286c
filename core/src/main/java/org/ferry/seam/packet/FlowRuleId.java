package org.ferry.seam.packet;

import org.ferry.model.Ids;

/**
 * Identity of a flow rule, chosen by Ferry so that it can find and remove its own rules.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record FlowRuleId(String value) {

  public FlowRuleId {
    Ids.check(value, "flow rule id");
  }

  public static FlowRuleId of(String value) {
    return new FlowRuleId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
