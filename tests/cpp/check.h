#pragma once
// A tiny self-contained check harness for ember's C++ test programs (tests/cpp/).
//
// No gtest: each program defines cases with TEST_CASE(name) { ... } and ends with
//   int main() { return ember_test::run_all(); }
// Every CHECK* counts one passed or one failed check; a failed check prints
// file:line and what went wrong, and the case goes on. An exception escaping a case
// counts as one failure. run_all() prints "N passed, M failed" and returns non-zero
// when anything failed, which is what CTest looks at.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <sstream>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include <cxxabi.h>

namespace ember_test {

struct Registry {
  struct Case {
    const char* name;
    void (*fn)();
  };
  std::vector<Case> cases;
  int passed = 0;
  int failed = 0;
  const char* current = "";

  static Registry& get() {
    static Registry r;
    return r;
  }
};

struct Registrar {
  Registrar(const char* name, void (*fn)()) { Registry::get().cases.push_back({name, fn}); }
};

inline std::string demangle(const char* name) {
  int status = 0;
  char* s = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  std::string out = status == 0 && s ? s : name;
  std::free(s);
  return out;
}

// The dynamic class of the exception being handled (inside a catch block).
inline std::string current_exception_type() {
  const std::type_info* t = abi::__cxa_current_exception_type();
  return t ? demangle(t->name()) : "<unknown>";
}

inline void pass() { ++Registry::get().passed; }
inline void fail(const char* file, int line, const std::string& what) {
  Registry& r = Registry::get();
  ++r.failed;
  std::fprintf(stderr, "%s:%d: [%s] FAILED: %s\n", file, line, r.current, what.c_str());
}
inline void check(bool ok, const char* file, int line, const std::string& what) {
  if (ok) {
    pass();
  } else {
    fail(file, line, what);
  }
}

template <typename T>
std::string show(const std::vector<T>& v) {
  std::ostringstream os;
  os << "[";
  for (size_t i = 0; i < v.size(); ++i) os << (i ? ", " : "") << v[i];
  os << "]";
  return os.str();
}

template <typename T>
std::string show(const T& v) {
  std::ostringstream os;
  if constexpr (std::is_enum_v<T>) {
    os << v;  // ember's enums (ScalarType, ...) have operator<<
  } else {
    os.precision(17);
    os << v;
  }
  return os.str();
}

// The elements of any range (IntArrayRef, SmallVector, ...) as a std::vector, so
// that CHECK_EQ can compare and print them.
template <typename Range>
auto vec(const Range& r) {
  using T = std::decay_t<decltype(*std::begin(r))>;
  return std::vector<T>(std::begin(r), std::end(r));
}

inline int run_all() {
  Registry& r = Registry::get();
  for (const Registry::Case& c : r.cases) {
    r.current = c.name;
    const int failed_before = r.failed;
    try {
      c.fn();
    } catch (const std::exception& e) {
      fail(__FILE__, __LINE__,
           "unexpected exception " + current_exception_type() + ": " + e.what());
    } catch (...) {
      fail(__FILE__, __LINE__, "unexpected exception " + current_exception_type());
    }
    std::printf("%-6s %s\n", r.failed == failed_before ? "ok" : "FAIL", c.name);
  }
  std::printf("%d passed, %d failed\n", r.passed, r.failed);
  std::fflush(stdout);
  return r.failed == 0 ? 0 : 1;
}

}  // namespace ember_test

#define EMBER_TEST_CONCAT_(a, b) a##b
#define EMBER_TEST_CONCAT(a, b) EMBER_TEST_CONCAT_(a, b)

#define TEST_CASE(name)                                                            \
  static void name();                                                              \
  static const ::ember_test::Registrar EMBER_TEST_CONCAT(name, _registrar)(#name, &name); \
  static void name()

#define CHECK(cond) ::ember_test::check(static_cast<bool>(cond), __FILE__, __LINE__, #cond)

#define CHECK_EQ(a, b)                                                                  \
  do {                                                                                  \
    const auto& ember_test_a_ = (a);                                                    \
    const auto& ember_test_b_ = (b);                                                    \
    ::ember_test::check(ember_test_a_ == ember_test_b_, __FILE__, __LINE__,             \
                        std::string(#a " == " #b "  (") +                               \
                            ::ember_test::show(ember_test_a_) + " vs " +                \
                            ::ember_test::show(ember_test_b_) + ")");                   \
  } while (0)

#define CHECK_NEAR(a, b, tol)                                                           \
  do {                                                                                  \
    const double ember_test_a_ = static_cast<double>(a);                                \
    const double ember_test_b_ = static_cast<double>(b);                                \
    ::ember_test::check(std::fabs(ember_test_a_ - ember_test_b_) <= (tol), __FILE__,    \
                        __LINE__,                                                       \
                        std::string(#a " ~= " #b "  (") + ::ember_test::show(ember_test_a_) + \
                            " vs " + ::ember_test::show(ember_test_b_) + ")");          \
  } while (0)

// CHECK_THROWS(ExceptionClass, statement, "substring of what()"): the statement must
// throw ExceptionClass (or a subclass) whose message contains the substring ("" for
// any message). Another exception, or none, is a failure naming what happened.
#define CHECK_THROWS(ExceptionClass, stmt, substring)                                      \
  do {                                                                                     \
    std::string ember_test_err_;                                                           \
    try {                                                                                  \
      stmt;                                                                                \
      ember_test_err_ = "no exception thrown";                                             \
    } catch (const ExceptionClass& e) {                                                    \
      const std::string ember_test_what_ = e.what();                                       \
      if (ember_test_what_.find(substring) == std::string::npos) {                         \
        ember_test_err_ = std::string("message \"") + ember_test_what_ +                   \
                          "\" does not contain \"" + (substring) + "\"";                   \
      }                                                                                    \
    } catch (const std::exception& e) {                                                    \
      ember_test_err_ = "threw " + ::ember_test::current_exception_type() + " (" +         \
                        e.what() + ")";                                                    \
    } catch (...) {                                                                        \
      ember_test_err_ = "threw " + ::ember_test::current_exception_type();                 \
    }                                                                                      \
    ::ember_test::check(ember_test_err_.empty(), __FILE__, __LINE__,                       \
                        std::string(#stmt " should throw " #ExceptionClass ": ") +         \
                            ember_test_err_);                                              \
  } while (0)
