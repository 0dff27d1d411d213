// A throwaway built-UI directory for the static-file tests:
//   <tmp>/www/index.html, assets/app-1a2b3c.js (+ .br, .gz), logo.svg, docs/guide.txt,
//   escape.txt → ../secret.txt (a symlink out of the root)
//   <tmp>/secret.txt (outside the root: must never be served)
// Sibling contents are markers, not real compressed data: the tests check which file
// was chosen. Removed when destroyed.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fazhi::http::testing {

inline constexpr char kIndexHtml[] = "<!doctype html><title>法治</title><div id=app></div>";
inline constexpr char kAppJs[] = "console.log('plain js');";
inline constexpr char kAppJsBr[] = "BROTLI-MARKER";
inline constexpr char kAppJsGz[] = "GZIP-MARKER";
inline constexpr char kSecret[] = "TOP-SECRET-OUTSIDE-ROOT";

class WebRoot {
 public:
  WebRoot() {
    std::random_device rd;
    base_ = std::filesystem::temp_directory_path() / ("fazhi-http-web-" + std::to_string(rd()));
    root_ = base_ / "www";
    std::filesystem::create_directories(root_ / "assets");
    std::filesystem::create_directories(root_ / "docs");
    write(root_ / "index.html", kIndexHtml);
    write(root_ / "assets/app-1a2b3c.js", kAppJs);
    write(root_ / "assets/app-1a2b3c.js.br", kAppJsBr);
    write(root_ / "assets/app-1a2b3c.js.gz", kAppJsGz);
    write(root_ / "logo.svg", "<svg/>");
    write(root_ / "docs/guide.txt", "guide");
    write(base_ / "secret.txt", kSecret);
    std::filesystem::create_symlink(base_ / "secret.txt", root_ / "escape.txt");
  }
  ~WebRoot() {
    std::error_code ec;
    std::filesystem::remove_all(base_, ec);
  }
  const std::filesystem::path& root() const { return root_; }

 private:
  static void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  std::filesystem::path base_;
  std::filesystem::path root_;
};

}  // namespace fazhi::http::testing
