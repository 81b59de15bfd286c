package org.ferry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The role ladder and how roles are spelt. */
class RoleTest {

  @Test
  void eachRoleIncludesItselfAndTheOnesBelow() {
    assertThat(Role.ADMIN.includes(Role.OPERATOR)).isTrue();
    assertThat(Role.ADMIN.includes(Role.VIEWER)).isTrue();
    assertThat(Role.OPERATOR.includes(Role.VIEWER)).isTrue();
    for (Role role : Role.values()) {
      assertThat(role.includes(role)).as(role + " includes itself").isTrue();
    }
  }

  @Test
  void noRoleIncludesOneAboveIt() {
    assertThat(Role.VIEWER.includes(Role.OPERATOR)).isFalse();
    assertThat(Role.VIEWER.includes(Role.ADMIN)).isFalse();
    assertThat(Role.OPERATOR.includes(Role.ADMIN)).isFalse();
  }

  @Test
  void parsesInAnyCase() {
    assertThat(Role.parse("operator")).isEqualTo(Role.OPERATOR);
    assertThat(Role.parse(" ADMIN ")).isEqualTo(Role.ADMIN);
    assertThat(Role.parse("Viewer")).isEqualTo(Role.VIEWER);
  }

  @Test
  void anUnknownRoleIsRejectedWithTheRolesThereAre() {
    assertThatThrownBy(() -> Role.parse("root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown role 'root'; expected one of viewer, operator, admin");
    assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
