package dev.logrca.web;

import java.io.IOException;
import java.nio.file.Path;

/** The small shop's data folder of {@link ShopData}, for tests in other packages. */
public final class TestData {
  private TestData() {}

  /** Writes the shop's indices under {@code data}. */
  public static void writeShop(Path data) throws IOException {
    ShopData.write(data);
  }
}
