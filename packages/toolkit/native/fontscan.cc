// System font discovery for Planar.
//
// The toolkit renders with its bundled fonts, and additionally looks at the
// fonts installed on the machine for font-family lookup and script fallback
// chains. This addon walks the given directories, opens every TrueType /
// OpenType file (collections included) with the system FreeType, and reports
// for each face its family, style, weight, slant and the scripts it can draw.
//
// A scan opens and parses hundreds of files, which can take from milliseconds
// to seconds depending on the disk and the number of fonts installed. It runs
// on a libuv worker thread (Napi::AsyncWorker) and settles a Promise, so the
// JS thread, and with it the UI, never waits on the file system.

#include <napi.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

struct FaceInfo {
  std::string path;
  FT_Long index;
  std::string family;
  std::string styleName;
  int weight;
  bool italic;
  std::vector<const char*> scripts;
};

// Owns an FT_Library for its whole lifetime.
class Library {
 public:
  Library() : error_(FT_Init_FreeType(&lib_)) {}
  ~Library() {
    if (error_ == 0) FT_Done_FreeType(lib_);
  }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  FT_Error error() const { return error_; }
  FT_Library get() const { return lib_; }

 private:
  FT_Library lib_ = nullptr;  // Declared first: initialised before error_.
  FT_Error error_;
};

// Owns an FT_Face; empty when the face could not be opened.
struct FaceDeleter {
  void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using Face = std::unique_ptr<FT_FaceRec_, FaceDeleter>;

Face OpenFace(FT_Library lib, const std::string& path, FT_Long index) {
  FT_Face face = nullptr;
  if (FT_New_Face(lib, path.c_str(), index, &face) != 0) return Face();
  return Face(face);
}

// Owns a DIR stream.
struct DirCloser {
  void operator()(DIR* dir) const { closedir(dir); }
};
using Dir = std::unique_ptr<DIR, DirCloser>;

// A face covers a script when every probe code point maps to a glyph.
struct ScriptProbe {
  const char* name;
  FT_ULong codepoints[3];  // Zero-terminated.
};

const ScriptProbe kProbes[] = {
    {"latin", {0x0041, 0x0061, 0x00E9}},
    {"greek", {0x0391, 0x03B1, 0}},
    {"cyrillic", {0x0414, 0x0434, 0}},
    {"arabic", {0x0628, 0x0639, 0}},
    {"hebrew", {0x05D0, 0x05E9, 0}},
    {"devanagari", {0x0915, 0x093F, 0}},
    {"bengali", {0x0995, 0, 0}},
    {"thai", {0x0E01, 0, 0}},
    {"han", {0x4E2D, 0x56FD, 0}},
    {"hiragana", {0x3042, 0, 0}},
    {"katakana", {0x30A2, 0, 0}},
    {"hangul", {0xD55C, 0, 0}},
    {"emoji", {0x1F600, 0, 0}},
    {"symbols", {0x2713, 0, 0}},
};

bool Covers(FT_Face face, const ScriptProbe& probe) {
  for (FT_ULong cp : probe.codepoints) {
    if (cp == 0) break;
    if (FT_Get_Char_Index(face, cp) == 0) return false;
  }
  return true;
}

int WeightOf(FT_Face face) {
  auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
  if (os2 != nullptr && os2->version != 0xFFFF) {
    int w = os2->usWeightClass;
    if (w >= 1 && w <= 9) return w * 100;  // Some old fonts use a 1-9 scale.
    if (w >= 10 && w <= 1000) return w;
  }
  return (face->style_flags & FT_STYLE_FLAG_BOLD) ? 700 : 400;
}

FaceInfo Describe(FT_Face face, const std::string& path, FT_Long index) {
  FaceInfo info{path, index, face->family_name,
                face->style_name ? face->style_name : "",
                WeightOf(face), (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0,
                {}};
  for (const ScriptProbe& probe : kProbes) {
    if (Covers(face, probe)) info.scripts.push_back(probe.name);
  }
  return info;
}

bool IsFontFile(const std::string& name) {
  auto dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == "ttf" || ext == "otf" || ext == "ttc" || ext == "otc";
}

// Recursive walk. Symlinks are followed, but every directory and file is
// visited once (by device and inode), so links cannot loop or duplicate faces.
// Unreadable entries and files FreeType cannot open are skipped silently.
class Walker {
 public:
  explicit Walker(FT_Library lib) : lib_(lib) {}

  void Visit(const std::string& path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return;
    if (!seen_.insert({st.st_dev, st.st_ino}).second) return;
    if (S_ISDIR(st.st_mode)) {
      VisitDirectory(path);
    } else if (S_ISREG(st.st_mode) && IsFontFile(path)) {
      ScanFile(path);
    }
  }

  std::vector<FaceInfo> faces;

 private:
  void VisitDirectory(const std::string& path) {
    std::vector<std::string> names;
    {
      Dir dir(opendir(path.c_str()));
      if (!dir) return;
      while (dirent* entry = readdir(dir.get())) {
        std::string name = entry->d_name;
        if (name != "." && name != "..") names.push_back(std::move(name));
      }
    }
    std::sort(names.begin(), names.end());  // Stable order across runs.
    std::string prefix = path.empty() || path.back() == '/' ? path : path + "/";
    for (const std::string& name : names) Visit(prefix + name);
  }

  void ScanFile(const std::string& path) {
    Face first = OpenFace(lib_, path, 0);
    if (!first) return;
    FT_Long count = first->num_faces;
    for (FT_Long i = 0; i < count; ++i) {
      Face face = i == 0 ? std::move(first) : OpenFace(lib_, path, i);
      if (face && face->family_name) faces.push_back(Describe(face.get(), path, i));
    }
  }

  FT_Library lib_;
  std::set<std::pair<dev_t, ino_t>> seen_;
};

class ScanWorker : public Napi::AsyncWorker {
 public:
  ScanWorker(Napi::Env env, std::vector<std::string> dirs)
      : Napi::AsyncWorker(env, "planar_fonts.scan"),
        deferred_(Napi::Promise::Deferred::New(env)),
        dirs_(std::move(dirs)) {}

  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override {
    Library lib;
    if (lib.error() != 0) {
      char message[96];
      std::snprintf(message, sizeof message,
                    "FT_Init_FreeType failed (FreeType error 0x%02X)",
                    static_cast<unsigned>(lib.error()));
      SetError(message);
      return;
    }
    Walker walker(lib.get());
    for (const std::string& dir : dirs_) walker.Visit(dir);
    faces_ = std::move(walker.faces);
  }

  void OnOK() override {
    Napi::Env env = Env();
    Napi::Array result = Napi::Array::New(env, faces_.size());
    for (size_t i = 0; i < faces_.size(); ++i) {
      const FaceInfo& f = faces_[i];
      Napi::Array scripts = Napi::Array::New(env, f.scripts.size());
      for (size_t s = 0; s < f.scripts.size(); ++s) {
        scripts.Set(static_cast<uint32_t>(s), f.scripts[s]);
      }
      Napi::Object face = Napi::Object::New(env);
      face.Set("path", f.path);
      face.Set("index", static_cast<double>(f.index));
      face.Set("family", f.family);
      face.Set("styleName", f.styleName);
      face.Set("weight", f.weight);
      face.Set("italic", f.italic);
      face.Set("scripts", scripts);
      result.Set(static_cast<uint32_t>(i), face);
    }
    deferred_.Resolve(result);
  }

  void OnError(const Napi::Error& error) override {
    deferred_.Reject(error.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  std::vector<std::string> dirs_;
  std::vector<FaceInfo> faces_;
};

// scan(dirs: string[]): Promise<FaceInfo[]>
Napi::Value Scan(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsArray()) {
    throw Napi::TypeError::New(env, "scan(dirs): dirs must be an array of strings");
  }
  Napi::Array list = info[0].As<Napi::Array>();
  std::vector<std::string> dirs;
  for (uint32_t i = 0; i < list.Length(); ++i) {
    Napi::Value dir = list.Get(i);
    if (!dir.IsString()) {
      throw Napi::TypeError::New(env, "scan(dirs): dirs must be an array of strings");
    }
    dirs.push_back(dir.As<Napi::String>().Utf8Value());
  }
  auto* worker = new ScanWorker(env, std::move(dirs));  // Deletes itself.
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("scan", Napi::Function::New(env, Scan, "scan"));
  return exports;
}

}  // namespace

NODE_API_MODULE(planar_fonts, Init)
