package org.kernelnet.api;

import ai.djl.ndarray.NDArray;
import java.util.EnumSet;
import java.util.List;

/** Small in-memory kernels, regularisers and plugins for registry tests. */
final class TestComponents {
  private TestComponents() {}

  /** K(u, v) = scale * u.v. */
  static final class ScaledDot extends AbstractKernel {
    ScaledDot(String name, double scale) {
      super(name, Config.builder().put("scale", scale).build(), EnumSet.of(KernelProperty.SYMMETRIC));
    }

    @Override
    public NDArray gram(NDArray u, NDArray v) {
      checkLocations(u, v);
      return u.matMul(v.transpose()).mul(config().getDouble("scale"));
    }

    @Override
    public double evaluate(double[] u, double[] v) {
      checkPoints(u, v);
      double s = 0;
      for (int i = 0; i < u.length; i++) {
        s += u[i] * v[i];
      }
      return config().getDouble("scale") * s;
    }
  }

  static KernelFactory kernelFactory(String name) {
    return new KernelFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "scaled dot product";
      }

      @Override
      public List<ConfigKey> configKeys() {
        return List.of(
            ConfigKey.ofDouble("scale", 1.0, ConfigKey.Range.positive(), "factor"),
            ConfigKey.ofChoice("mode", "a", List.of("a", "b"), "an unused choice"));
      }

      @Override
      public Kernel create(Config config) {
        return new ScaledDot(name, config.getDouble("scale"));
      }
    };
  }

  /** penalty = weight * sum(K). */
  static RegularizerFactory regularizerFactory(String name) {
    return new RegularizerFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "sum of kernel entries";
      }

      @Override
      public List<ConfigKey> configKeys() {
        return List.of(ConfigKey.ofDouble("weight", null, ConfigKey.Range.nonNegative(), "factor"));
      }

      @Override
      public SparsityRegularizer create(Config config) {
        return new AbstractRegularizer(name, config) {
          @Override
          public NDArray penalty(LayerMatrices layer) {
            return layer.kernel().orElseThrow().sum().mul(config.getDouble("weight"));
          }
        };
      }
    };
  }

  @BuiltForApi(KernelnetApi.VERSION)
  static final class GoodPlugin implements KernelnetPlugin {
    @Override
    public List<KernelFactory> kernels() {
      return List.of(kernelFactory("sdot"));
    }

    @Override
    public List<RegularizerFactory> regularizers() {
      return List.of(regularizerFactory("ksum"));
    }
  }

  @BuiltForApi(KernelnetApi.VERSION)
  static final class SameNamePlugin implements KernelnetPlugin {
    @Override
    public List<KernelFactory> kernels() {
      return List.of(kernelFactory("sdot"));
    }
  }

  static final class UndeclaredPlugin implements KernelnetPlugin {}

  @BuiltForApi("2.0")
  static final class FuturePlugin implements KernelnetPlugin {}

  @BuiltForApi("1.x")
  static final class MalformedVersionPlugin implements KernelnetPlugin {}

  @BuiltForApi(KernelnetApi.VERSION)
  static final class ThrowingPlugin implements KernelnetPlugin {
    @Override
    public List<KernelFactory> kernels() {
      throw new IllegalStateException("boom");
    }
  }

  /** Its kernel {@code fragile} lists fine but fails to build. */
  @BuiltForApi(KernelnetApi.VERSION)
  static final class FailingFactoryPlugin implements KernelnetPlugin {
    @Override
    public String name() {
      return "fragile-plugin";
    }

    @Override
    public List<KernelFactory> kernels() {
      KernelFactory working = kernelFactory("fragile");
      return List.of(new KernelFactory() {
        @Override
        public String name() {
          return working.name();
        }

        @Override
        public String description() {
          return working.description();
        }

        @Override
        public List<ConfigKey> configKeys() {
          return working.configKeys();
        }

        @Override
        public Kernel create(Config config) {
          throw new IllegalStateException("boom");
        }
      });
    }
  }

  @BuiltForApi(KernelnetApi.VERSION)
  static final class BadNamePlugin implements KernelnetPlugin {
    @Override
    public List<KernelFactory> kernels() {
      return List.of(kernelFactory("Bad Name"));
    }
  }
}
