// Operators through the generated C++ API (ember/generated/Functions.h and the
// generated Tensor methods): values, the out= contract, default-argument overloads,
// error classes, and reproducible random numbers.
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <vector>

#include <ember/core/Generator.h>
#include <ember/generated/Functions.h>

#include "check.h"

using ember::ScalarType;
using ember::Tensor;
using ember_test::vec;
using Dims = std::vector<int64_t>;

namespace {

// A contiguous copy's elements, as doubles.
std::vector<double> values(const Tensor& t) {
  Tensor c = t.to(ScalarType::Double).contiguous();
  const double* p = c.data_ptr<double>();
  return std::vector<double>(p, p + c.numel());
}

Tensor from(const std::vector<float>& v, Dims shape) {
  Tensor t = ember::empty({static_cast<int64_t>(v.size())});
  float* p = t.data_ptr<float>();
  for (size_t i = 0; i < v.size(); ++i) p[i] = v[i];
  return t.view(shape);
}

}  // namespace

// Default-argument overloads resolve without ambiguity, to the intended overload.
static_assert(std::is_same_v<decltype(ember::arange(0, 10)), Tensor>);
static_assert(std::is_same_v<decltype(ember::arange(0, 10, 2)), Tensor>);
static_assert(std::is_same_v<decltype(ember::sum(std::declval<Tensor>())), Tensor>);
static_assert(std::is_same_v<decltype(std::declval<Tensor>().max(1)), std::tuple<Tensor, Tensor>>);
static_assert(std::is_same_v<decltype(std::declval<Tensor>().max()), Tensor>);
static_assert(std::is_same_v<decltype(ember::max(std::declval<Tensor>(), 0, true)),
                             std::tuple<Tensor, Tensor>>);

TEST_CASE(arange_overloads) {
  Tensor a = ember::arange(0, 10);
  CHECK_EQ(a.dtype(), ScalarType::Long);
  CHECK_EQ(a.numel(), 10);
  CHECK_EQ(values(a), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  Tensor b = ember::arange(0, 10, 2);
  CHECK_EQ(values(b), (std::vector<double>{0, 2, 4, 6, 8}));
  Tensor c = ember::arange(5);
  CHECK_EQ(c.numel(), 5);
  Tensor d = ember::arange(0.0, 1.0, 0.25);
  CHECK_EQ(d.dtype(), ember::default_dtype());
  CHECK_EQ(values(d), (std::vector<double>{0, 0.25, 0.5, 0.75}));
  Tensor e = ember::arange(0, 4, 1, ScalarType::Half);
  CHECK_EQ(e.dtype(), ScalarType::Half);
  CHECK_THROWS(ember::Error, (void)ember::arange(0, 10, 0), "step must be nonzero");
}

TEST_CASE(add_with_alpha) {
  Tensor a = ember::ones({2, 3});
  Tensor b = ember::arange(0, 6).view({2, 3});
  Tensor r = ember::add(a, b, 2);  // a + 2 * b
  CHECK_EQ(r.dtype(), ScalarType::Float);
  CHECK_EQ(vec(r.sizes()), (Dims{2, 3}));
  CHECK_EQ(values(r), (std::vector<double>{1, 3, 5, 7, 9, 11}));
  CHECK_EQ(values(a.add(b)), (std::vector<double>{1, 2, 3, 4, 5, 6}));
  CHECK_EQ(values(ember::sub(b, a, 3)), (std::vector<double>{-3, -2, -1, 0, 1, 2}));
  // broadcasting: (2, 3) + (3,)
  Tensor row = ember::arange(0, 3, 1, ScalarType::Float);
  CHECK_EQ(values(ember::add(a, row)), (std::vector<double>{1, 2, 3, 1, 2, 3}));
  CHECK_THROWS(ember::Error, (void)ember::add(ember::ones({3, 4}), ember::ones({5})), "");
  // in place
  Tensor x = ember::zeros({3});
  x.add_(ember::ones({3}), 4);
  CHECK_EQ(values(x), (std::vector<double>{4, 4, 4}));
}

TEST_CASE(reductions) {
  Tensor t = ember::arange(0, 6, 1, ScalarType::Float).view({2, 3});
  CHECK_EQ(t.sum().item().to_double(), 15.0);
  CHECK_EQ(ember::sum(t).item().to_double(), 15.0);
  CHECK_EQ(t.sum().dim(), 0);
  CHECK_EQ(values(ember::sum(t, ember::IntArrayRef{1})), (std::vector<double>{3, 12}));
  CHECK_EQ(vec(t.sum(ember::IntArrayRef{0}, /*keepdim=*/true).sizes()), (Dims{1, 3}));
  // Integral sums accumulate into int64, like PyTorch.
  CHECK_EQ(ember::arange(0, 5, 1, ScalarType::Int).sum().dtype(), ScalarType::Long);
  CHECK_EQ(ember::sum(t, ScalarType::Double).dtype(), ScalarType::Double);

  Tensor m = from({3, 9, 1, 4, 4, 8}, {2, 3});
  auto [mx, idx] = m.max(1);
  CHECK_EQ(values(mx), (std::vector<double>{9, 8}));
  CHECK_EQ(idx.dtype(), ScalarType::Long);
  CHECK_EQ(values(idx), (std::vector<double>{1, 2}));
  auto [mn, mi] = ember::min(m, 0, /*keepdim=*/true);
  CHECK_EQ(vec(mn.sizes()), (Dims{1, 3}));
  CHECK_EQ(values(mn), (std::vector<double>{3, 4, 1}));
  CHECK_EQ(values(mi), (std::vector<double>{0, 1, 0}));
  CHECK_EQ(m.max().item().to_double(), 9.0);
  CHECK_EQ(ember::argmax(m).item().to_long(), 1);
  CHECK_NEAR(ember::mean(m).item().to_double(), 29.0 / 6, 1e-6);
  CHECK_THROWS(ember::IndexError, (void)m.max(2), "Dimension out of range");
}

TEST_CASE(matmul_and_friends) {
  Tensor a = from({1, 2, 3, 4, 5, 6}, {2, 3});
  Tensor b = from({7, 8, 9, 10, 11, 12}, {3, 2});
  Tensor c = ember::matmul(a, b);
  CHECK_EQ(vec(c.sizes()), (Dims{2, 2}));
  CHECK_EQ(values(c), (std::vector<double>{58, 64, 139, 154}));
  CHECK_EQ(values(ember::mm(a, b)), values(c));
  CHECK_EQ(values(a.matmul(b)), values(c));
  // a transposed (non-contiguous) operand
  CHECK_EQ(values(ember::matmul(b.t(), a.t())), (std::vector<double>{58, 139, 64, 154}));
  // matrix @ vector, batched
  Tensor v = from({1, 0, -1}, {3});
  CHECK_EQ(values(ember::matmul(a, v)), (std::vector<double>{-2, -2}));
  Tensor batch = ember::stack({a, a}, 0);
  Tensor bc = ember::matmul(batch, b);
  CHECK_EQ(vec(bc.sizes()), (Dims{2, 2, 2}));
  CHECK_EQ(values(ember::bmm(batch, ember::stack({b, b}))),
           (std::vector<double>{58, 64, 139, 154, 58, 64, 139, 154}));
  CHECK_EQ(values(ember::addmm(ember::ones({2, 2}), a, b, 1, 2)),
           (std::vector<double>{117, 129, 279, 309}));
  CHECK_THROWS(ember::Error, (void)ember::mm(a, a), "");  // (2,3) @ (2,3)
}

TEST_CASE(cat_and_stack) {
  Tensor a = ember::zeros({2, 2});
  Tensor b = ember::ones({1, 2});
  Tensor r = ember::cat({a, b});  // dim = 0 by default
  CHECK_EQ(vec(r.sizes()), (Dims{3, 2}));
  CHECK_EQ(values(r), (std::vector<double>{0, 0, 0, 0, 1, 1}));
  Tensor c = ember::cat({a, ember::full({2, 1}, 7)}, 1);
  CHECK_EQ(vec(c.sizes()), (Dims{2, 3}));
  CHECK_EQ(values(c), (std::vector<double>{0, 0, 7, 0, 0, 7}));
  Tensor mixed = ember::cat({ember::ones({1}, ScalarType::Int), ember::ones({1}, ScalarType::Double)});
  CHECK_EQ(mixed.dtype(), ScalarType::Double);  // cat promotes
  CHECK_EQ(vec(ember::stack({a, a}, 1).sizes()), (Dims{2, 2, 2}));
  CHECK_THROWS(ember::Error, (void)ember::cat({a, ember::ones({1, 3})}), "");
  CHECK_THROWS(ember::IndexError, (void)ember::cat({a, a}, 2), "Dimension out of range");
}

TEST_CASE(out_contract) {
  Tensor a = ember::ones({2, 3});
  Tensor b = ember::full({2, 3}, 2.0);

  // An undefined out is allocated by the kernel, and the same Tensor is returned.
  Tensor out;
  Tensor& ret = ember::add_out(a, b, 1, out);
  CHECK(&ret == &out);
  CHECK(out.defined());
  CHECK_EQ(vec(out.sizes()), (Dims{2, 3}));
  CHECK_EQ(out.dtype(), ScalarType::Float);
  CHECK_EQ(values(out), (std::vector<double>(6, 3.0)));

  // A defined out of the right size is written in place (same storage).
  void* storage = out.data_ptr();
  ember::mul_out(a, b, out);
  CHECK(out.data_ptr() == storage);
  CHECK_EQ(values(out), (std::vector<double>(6, 2.0)));

  // An empty out is resized.
  Tensor empty_out = ember::empty({0});
  ember::add_out(a, b, 1, empty_out);
  CHECK_EQ(vec(empty_out.sizes()), (Dims{2, 3}));

  // A defined out of a wider dtype of the same kind receives the cast result ...
  Tensor dbl = ember::empty({2, 3}, ScalarType::Double);
  ember::add_out(a, b, 1, dbl);
  CHECK_EQ(dbl.dtype(), ScalarType::Double);
  CHECK_EQ(values(dbl), (std::vector<double>(6, 3.0)));
  // ... but a float result cannot go into an integral out.
  Tensor lng = ember::empty({2, 3}, ScalarType::Long);
  CHECK_THROWS(ember::Error, ember::add_out(a, b, 1, lng),
               "result type Float can't be cast to the desired output type Long");

  Tensor mm_out;
  ember::mm_out(a, b.t(), mm_out);
  CHECK_EQ(values(mm_out), (std::vector<double>(4, 6.0)));
  Tensor sum_out;
  ember::sum_out(a, ember::IntArrayRef{1}, false, std::nullopt, sum_out);
  CHECK_EQ(values(sum_out), (std::vector<double>{3, 3}));
}

TEST_CASE(factories) {
  Tensor z = ember::zeros({2, 3});
  CHECK_EQ(z.dtype(), ScalarType::Float);
  CHECK_EQ(values(z), (std::vector<double>(6, 0.0)));
  Tensor o = ember::ones({4}, ScalarType::Long);
  CHECK_EQ(values(o), (std::vector<double>(4, 1.0)));
  Tensor f = ember::full({2}, 2.5);
  CHECK_EQ(values(f), (std::vector<double>{2.5, 2.5}));
  CHECK_EQ(ember::full({2}, 3).dtype(), ScalarType::Long);  // an int fill value
  CHECK_EQ(ember::zeros_like(o).dtype(), ScalarType::Long);
  Tensor e = ember::eye(3);
  CHECK_EQ(values(e), (std::vector<double>{1, 0, 0, 0, 1, 0, 0, 0, 1}));
  Tensor l = ember::linspace(0, 1, 5);
  CHECK_EQ(values(l), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
}

TEST_CASE(philox_reproducibility) {
  ember::manual_seed(1234);
  Tensor r1 = ember::rand({1000});
  Tensor r1b = ember::rand({1000});
  ember::manual_seed(1234);
  Tensor r2 = ember::rand({1000});
  Tensor r2b = ember::rand({1000});
  CHECK_EQ(values(r1), values(r2));
  CHECK_EQ(values(r1b), values(r2b));
  CHECK(values(r1) != values(r1b));  // the generator advances
  int out_of_range = 0;
  double mean = 0;
  for (double v : values(r1)) {
    out_of_range += v < 0.0 || v >= 1.0;
    mean += v / 1000;
  }
  CHECK_EQ(out_of_range, 0);
  CHECK_NEAR(mean, 0.5, 0.05);

  ember::manual_seed(99);
  Tensor n1 = ember::randn({64}, std::nullopt, ScalarType::Double);
  ember::manual_seed(99);
  CHECK_EQ(values(n1), values(ember::randn({64}, std::nullopt, ScalarType::Double)));

  // An explicit generator has its own stream, untouched by the default one.
  ember::Generator g(std::make_shared<ember::GeneratorImpl>(ember::Device("cpu"), 7));
  Tensor g1 = ember::rand({16}, g);
  ember::manual_seed(7);
  (void)ember::rand({16});
  g->manual_seed(7);
  CHECK_EQ(values(ember::rand({16}, g)), values(g1));
  CHECK_EQ(ember::default_generator(ember::Device("cpu"))->initial_seed(), 7u);
}

TEST_CASE(error_classes) {
  Tensor t = ember::zeros({2, 3});
  CHECK_THROWS(ember::IndexError, (void)t.select(0, 2), "select(): index 2 out of range");
  CHECK_THROWS(ember::IndexError, (void)t.transpose(-3, 0), "Dimension out of range");
  CHECK_THROWS(ember::Error, (void)t.view({4, 2}), "");
  CHECK_THROWS(ember::Error, (void)ember::ones({2}).item(), "");
  // ember::Error is a std::runtime_error, so plain C++ callers can catch it generically.
  CHECK((std::is_base_of_v<std::runtime_error, ember::Error>));
  CHECK((std::is_base_of_v<ember::Error, ember::IndexError>));
  CHECK((std::is_base_of_v<ember::Error, ember::NotImplementedError>));
}

int main() { return ember_test::run_all(); }
