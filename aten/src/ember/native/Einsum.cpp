// einsum: the equation is parsed into per-operand label lists, every operand is
// viewed with one common dim order (the output's dims, then the contracted ones;
// size 1 where an operand lacks a label), and the operands are folded left to right
// with `sum_product`, which sums a contracted dim as soon as no later operand uses it
// and turns each pairwise product into one bmm. Composite: views, sum, mul and bmm.
//
// Labels are a-z and A-Z; "..." stands for the broadcast dims not named by a label
// (right-aligned across operands, as in NumPy). Without "->" the output is the
// ellipsis dims followed by the labels used exactly once, in order A..Z a..z.
#include <algorithm>
#include <array>
#include <string>

#include <ember/generated/Functions.h>
#include <ember/generated/NativeFunctions.h>
#include <ember/native/TensorShape.h>

namespace ember::native {

namespace {

constexpr int kNumLabels = 52;
// An entry of an operand's subscript list that is not a label.
constexpr int kEllipsis = -1;

bool is_label(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

int label_index(char c) { return c <= 'Z' ? c - 'A' : 26 + (c - 'a'); }

char label_char(int l) { return static_cast<char>(l < 26 ? 'A' + l : 'a' + (l - 26)); }

// The subscripts of one side of the equation, starting at `begin` in the full string
// (for error positions). `output` selects the output side's messages.
std::vector<int> parse_subscripts(std::string_view eq, size_t begin, size_t end, bool output,
                                  size_t operand) {
  std::vector<int> labels;
  bool ellipsis = false;
  for (size_t i = begin; i < end; ++i) {
    const char c = eq[i];
    if (c == ' ') continue;
    if (c == '.') {
      if (output) {
        EMBER_CHECK(!ellipsis, "einsum(): found '.' for output but an ellipsis (...) was already found");
        EMBER_CHECK(i + 2 < end && eq[i + 1] == '.' && eq[i + 2] == '.',
                    "einsum(): found '.' for output that is not part of any ellipsis (...)");
      } else {
        EMBER_CHECK(!ellipsis, "einsum(): found '.' for operand ", operand,
                    " for which an ellipsis was already found");
        EMBER_CHECK(i + 2 < end && eq[i + 1] == '.' && eq[i + 2] == '.', "einsum(): found '.' for operand ",
                    operand, " that is not part of any ellipsis");
      }
      ellipsis = true;
      labels.push_back(kEllipsis);
      i += 2;
      continue;
    }
    EMBER_CHECK(is_label(c), "einsum(): invalid subscript given at index ", i,
                " in the equation string, subscripts must be in [a-zA-Z]");
    labels.push_back(label_index(c));
  }
  return labels;
}

bool has_ellipsis(const std::vector<int>& labels) {
  return std::find(labels.begin(), labels.end(), kEllipsis) != labels.end();
}

// sum over `sum_dims` of left * right (same number of dims, broadcasting size-1 dims),
// keeping the summed dims as size 1. Dims are grouped into batch (in both, kept),
// left-only and right-only (kept), and summed; the product is one bmm of
// (batch, left, summed) @ (batch, summed, right).
Tensor sum_product(Tensor left, Tensor right, const std::vector<bool>& summed) {
  const int64_t nd = left.dim();
  if (std::none_of(summed.begin(), summed.end(), [](bool b) { return b; })) return ember::mul(left, right);
  DimVector batch, lonly, ronly, sums;
  int64_t batch_size = 1, l_size = 1, r_size = 1, sum_size = 1;
  for (int64_t d = 0; d < nd; ++d) {
    const bool in_l = left.size(d) != 1, in_r = right.size(d) != 1;
    if (in_l && in_r) {
      EMBER_CHECK(left.size(d) == right.size(d), "einsum(): operands do not broadcast with remapped shapes "
                  "(original->remapped): ", shape_str(left.sizes()), " and ", shape_str(right.sizes()));
    }
    if (summed[d]) {
      if (in_l && in_r) {
        sum_size *= left.size(d);
      } else if (in_l) {
        left = ember::sum(left, IntArrayRef(&d, 1), true);
      } else if (in_r) {
        right = ember::sum(right, IntArrayRef(&d, 1), true);
      }
      sums.push_back(d);
    } else if (in_l && in_r) {
      batch.push_back(d);
      batch_size *= left.size(d);
    } else if (in_l) {
      lonly.push_back(d);
      l_size *= left.size(d);
    } else {
      ronly.push_back(d);
      r_size *= right.size(d);
    }
  }
  const auto concat = [](std::initializer_list<const DimVector*> parts) {
    DimVector all;
    for (const DimVector* p : parts) all.insert(all.end(), p->begin(), p->end());
    return all;
  };
  const DimVector lperm = concat({&batch, &lonly, &sums, &ronly});
  const DimVector rperm = concat({&batch, &sums, &ronly, &lonly});
  const Tensor l3 = ember::reshape(ember::permute(left, lperm), {batch_size, l_size, sum_size});
  const Tensor r3 = ember::reshape(ember::permute(right, rperm), {batch_size, sum_size, r_size});
  // bmm's result is (batch, left-only, right-only); view it with every dim of lperm
  // (summed ones as 1) and permute back to the common order.
  DimVector shape;
  for (const int64_t d : batch) shape.push_back(left.size(d));
  for (const int64_t d : lonly) shape.push_back(left.size(d));
  for (size_t i = 0; i < sums.size(); ++i) shape.push_back(1);
  for (const int64_t d : ronly) shape.push_back(right.size(d));
  DimVector inverse(nd);
  for (int64_t i = 0; i < nd; ++i) inverse[lperm[i]] = i;
  return ember::permute(ember::reshape(ember::bmm(l3, r3), shape), inverse);
}

}  // namespace

Tensor einsum(std::string_view equation, TensorList tensors, OptionalIntArrayRef /*path*/) {
  EMBER_CHECK(!tensors.empty(), "einsum(): must provide at least one operand");
  const size_t arrow = equation.find("->");
  const size_t lhs_end = arrow == std::string_view::npos ? equation.size() : arrow;

  // Input subscripts, one list per operand.
  std::vector<std::vector<int>> inputs;
  size_t start = 0;
  for (size_t i = 0; i <= lhs_end; ++i) {
    if (i == lhs_end || equation[i] == ',') {
      const size_t operand = inputs.size();
      EMBER_CHECK(operand < tensors.size(), "einsum(): fewer operands were provided than specified in the equation");
      inputs.push_back(parse_subscripts(equation, start, i, false, operand));
      start = i + 1;
    }
  }
  EMBER_CHECK(inputs.size() == tensors.size(), "einsum(): more operands were provided than specified in the equation");

  // Check each operand's rank; count labels; the ellipsis covers the most dims any
  // operand gives it.
  std::array<int64_t, kNumLabels> count{};
  int64_t ell_ndim = 0;
  bool any_ellipsis = false;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const int64_t ndim = tensors[i].dim();
    const bool ell = has_ellipsis(inputs[i]);
    const int64_t nlabels = static_cast<int64_t>(inputs[i].size()) - (ell ? 1 : 0);
    if (ell) {
      EMBER_CHECK(nlabels <= ndim, "einsum(): the number of subscripts in the equation (", nlabels,
                  ") is more than the number of dimensions (", ndim, ") for operand ", i);
      ell_ndim = std::max(ell_ndim, ndim - nlabels);
      any_ellipsis = true;
    } else {
      EMBER_CHECK(nlabels == ndim, "einsum(): the number of subscripts in the equation (", nlabels,
                  ") does not match the number of dimensions (", ndim, ") for operand ", i,
                  " and no ellipsis was given");
    }
    for (const int l : inputs[i])
      if (l != kEllipsis) ++count[l];
  }

  // Output subscripts.
  std::vector<int> output;
  if (arrow != std::string_view::npos) {
    output = parse_subscripts(equation, arrow + 2, equation.size(), true, 0);
    std::array<bool, kNumLabels> seen{};
    for (const int l : output) {
      if (l == kEllipsis) continue;
      EMBER_CHECK(count[l] > 0, "einsum(): output subscript ", label_char(l),
                  " does not appear in the equation for any input operand");
      EMBER_CHECK(!seen[l], "einsum(): output subscript ", label_char(l), " appears more than once in the output");
      seen[l] = true;
    }
  } else {
    if (any_ellipsis) output.push_back(kEllipsis);
    for (int l = 0; l < kNumLabels; ++l)
      if (count[l] == 1) output.push_back(l);
  }

  // The common dim order: output dims (the ellipsis where the output puts it), then
  // the ellipsis dims if the output drops them, then the contracted labels.
  constexpr int64_t kUnplaced = -1;
  std::array<int64_t, kNumLabels> position;
  position.fill(kUnplaced);
  int64_t ell_position = kUnplaced;
  int64_t ndim = 0;
  for (const int l : output) {
    if (l == kEllipsis) {
      ell_position = ndim;
      ndim += ell_ndim;
    } else {
      position[l] = ndim++;
    }
  }
  const int64_t out_ndim = ndim;
  if (ell_position == kUnplaced) {
    ell_position = ndim;
    ndim += ell_ndim;
  }
  for (int l = 0; l < kNumLabels; ++l)
    if (count[l] > 0 && position[l] == kUnplaced) position[l] = ndim++;

  // Each operand as a view with `ndim` dims in the common order. A label repeated in
  // one operand takes the diagonal of its dims.
  std::array<int64_t, kNumLabels> label_size;
  label_size.fill(1);
  std::vector<Tensor> ops;
  std::vector<std::vector<bool>> present;  // [operand][common dim]
  for (size_t i = 0; i < inputs.size(); ++i) {
    Tensor t = tensors[i];
    const int64_t op_ell = t.dim() - (static_cast<int64_t>(inputs[i].size()) - (has_ellipsis(inputs[i]) ? 1 : 0));
    DimVector target;  // common position of each of t's dims
    std::array<int64_t, kNumLabels> dim_of;
    dim_of.fill(kUnplaced);
    int64_t d = 0;
    for (const int l : inputs[i]) {
      if (l == kEllipsis) {
        for (int64_t j = 0; j < op_ell; ++j) target.push_back(ell_position + (ell_ndim - op_ell) + j);
        d += op_ell;
        continue;
      }
      if (dim_of[l] != kUnplaced) {
        EMBER_CHECK(t.size(d) == t.size(dim_of[l]), "einsum(): subscript ", label_char(l),
                    " is repeated for operand ", i, " but the sizes don't match, ", t.size(d), " != ",
                    t.size(dim_of[l]));
        // The diagonal replaces both dims; move it back to the first one's place.
        t = ember::movedim(ember::diagonal(t, 0, dim_of[l], d), -1, dim_of[l]);
        continue;
      }
      const int64_t size = t.size(d);
      if (size != 1) {
        EMBER_CHECK(label_size[l] == 1 || label_size[l] == size, "einsum(): subscript ", label_char(l),
                    " has size ", size, " for operand ", i,
                    " which does not broadcast with previously seen size ", label_size[l]);
        label_size[l] = size;
      }
      dim_of[l] = d++;
      target.push_back(position[l]);
    }
    // Order t's dims by common position, then insert size-1 dims for the missing ones.
    DimVector order(t.dim());
    for (int64_t j = 0; j < t.dim(); ++j) order[j] = j;
    std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) { return target[a] < target[b]; });
    std::vector<bool> has(ndim, false);
    for (const int64_t p : target) has[p] = true;
    DimVector sizes(ndim, 1);
    for (int64_t j = 0; j < t.dim(); ++j) sizes[target[j]] = t.size(j);
    Tensor aligned = ember::permute(t, order);
    aligned = ember::reshape(aligned, sizes);
    ops.push_back(aligned);
    present.push_back(std::move(has));
  }

  // A contracted dim is summed with the last operand that has it.
  const int64_t nops = static_cast<int64_t>(ops.size());
  std::vector<int64_t> last_use(ndim, -1);
  for (int64_t i = 0; i < nops; ++i)
    for (int64_t d = out_ndim; d < ndim; ++d)
      if (present[i][d]) last_use[d] = i;

  Tensor result = ops[0];
  if (nops == 1) {
    DimVector sum_dims;
    for (int64_t d = out_ndim; d < ndim; ++d) sum_dims.push_back(d);
    if (!sum_dims.empty()) result = ember::sum(result, IntArrayRef(sum_dims), true);
  } else {
    for (int64_t i = 1; i < nops; ++i) {
      std::vector<bool> summed(ndim, false);
      for (int64_t d = out_ndim; d < ndim; ++d) summed[d] = last_use[d] <= i;
      result = sum_product(result, ops[i], summed);
    }
  }
  DimVector out_shape(result.sizes().begin(), result.sizes().begin() + out_ndim);
  return ember::reshape(result, out_shape);
}

}  // namespace ember::native
