#pragma once
// Errors raised by ember's C++ core.
//
// Every misuse of an operator is reported by throwing one of these; the Python
// binding layer (ember/python/Exceptions.h) translates each class to the Python
// exception PyTorch raises in the same situation. Nothing in the core aborts.
#include <sstream>
#include <stdexcept>
#include <string>

namespace ember {

// Base class: surfaces as RuntimeError.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class IndexError : public Error { public: using Error::Error; };          // -> IndexError
class TypeError : public Error { public: using Error::Error; };           // -> TypeError
class ValueError : public Error { public: using Error::Error; };          // -> ValueError
class NotImplementedError : public Error { public: using Error::Error; }; // -> NotImplementedError
class LinAlgError : public Error { public: using Error::Error; };         // -> ember.linalg.LinAlgError

namespace detail {
inline void str_append(std::ostringstream&) {}
template <typename T, typename... Rest>
void str_append(std::ostringstream& os, const T& t, const Rest&... rest) {
  os << t;
  str_append(os, rest...);
}
}  // namespace detail

// str("a", 1, "b") concatenates anything with an operator<<.
template <typename... Args>
std::string str(const Args&... args) {
  std::ostringstream os;
  detail::str_append(os, args...);
  return os.str();
}

}  // namespace ember

#define EMBER_LIKELY(x) __builtin_expect(!!(x), 1)
#define EMBER_UNLIKELY(x) __builtin_expect(!!(x), 0)

// EMBER_CHECK(cond, msg...) throws ember::Error (RuntimeError) when cond is false.
// The message pieces are only formatted on failure.
#define EMBER_CHECK_TYPE(ErrorType, cond, ...)            \
  do {                                                    \
    if (EMBER_UNLIKELY(!(cond))) {                        \
      throw ::ember::ErrorType(::ember::str(__VA_ARGS__)); \
    }                                                     \
  } while (0)

#define EMBER_CHECK(cond, ...) EMBER_CHECK_TYPE(Error, cond, __VA_ARGS__)
#define EMBER_CHECK_INDEX(cond, ...) EMBER_CHECK_TYPE(IndexError, cond, __VA_ARGS__)
#define EMBER_CHECK_TYPEERR(cond, ...) EMBER_CHECK_TYPE(TypeError, cond, __VA_ARGS__)
#define EMBER_CHECK_VALUE(cond, ...) EMBER_CHECK_TYPE(ValueError, cond, __VA_ARGS__)
#define EMBER_CHECK_NOT_IMPLEMENTED(cond, ...) \
  EMBER_CHECK_TYPE(NotImplementedError, cond, __VA_ARGS__)
