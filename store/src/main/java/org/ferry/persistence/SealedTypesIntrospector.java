package org.ferry.persistence;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every sealed interface of the core (run events, triggers, SLA peers...) a type id, so
 * that a value written as the interface is read back as the record it was: the core's sealed
 * hierarchies are closed, so their permitted records are all the subtypes there are, and no
 * annotation on the core is needed. The id is the record's simple name, in {@value #PROPERTY}.
 *
 * <p>A record is named by its simple name, so renaming one of them makes stored events of the
 * old name unreadable: a rename needs a migration that rewrites the stored JSON.
 */
final class SealedTypesIntrospector extends NopAnnotationIntrospector {

  /** The member that holds the type id. */
  static final String PROPERTY = "@type";

  @Override
  public TypeResolverBuilder<?> findTypeResolver(MapperConfig<?> config, AnnotatedClass ac,
      JavaType baseType) {
    if (!isSealedInterface(baseType.getRawClass())) {
      return null;
    }
    JsonTypeInfo.Value info = JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME,
        JsonTypeInfo.As.PROPERTY, PROPERTY, null, false, null);
    return new StdTypeResolverBuilder().init(info, null);
  }

  @Override
  public List<NamedType> findSubtypes(Annotated a) {
    if (!isSealedInterface(a.getRawType())) {
      return null;
    }
    List<NamedType> subtypes = new ArrayList<>();
    collect(a.getRawType(), subtypes);
    return subtypes;
  }

  @Override
  public String findTypeName(AnnotatedClass ac) {
    Class<?> type = ac.getRawType();
    for (Class<?> parent : type.getInterfaces()) {
      if (isSealedInterface(parent)) {
        return type.getSimpleName();
      }
    }
    return null;
  }

  private static void collect(Class<?> sealed, List<NamedType> into) {
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isSealed()) {
        collect(permitted, into);
      } else {
        into.add(new NamedType(permitted, permitted.getSimpleName()));
      }
    }
  }

  private static boolean isSealedInterface(Class<?> type) {
    return type.isInterface() && type.isSealed();
  }
}
