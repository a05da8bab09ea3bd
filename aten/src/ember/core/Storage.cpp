#include <ember/core/Storage.h>

#include <ember/core/DeviceHooks.h>
#include <ember/core/Error.h>

namespace ember {

void StorageImpl::grow(size_t nbytes) {
  if (nbytes <= nbytes_) return;
  EMBER_CHECK(resizable(), "Trying to resize storage that is not resizable");
  DataPtr fresh;
  {
    DeviceGuard guard(device());  // grow on the storage's own device
    fresh = allocator_->allocate(nbytes);
  }
  if (nbytes_ > 0) {
    device_hooks(device().type)
        .copy_bytes(fresh.get(), device(), data_.get(), device(), nbytes_, /*non_blocking=*/false);
  }
  data_ = std::move(fresh);
  nbytes_ = nbytes;
}

}  // namespace ember
