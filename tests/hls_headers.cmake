# Tests of veriloop's own HLS-compatible headers (frontend/hls/include: ap_int.h, ap_fixed.h,
# hls_stream.h, hls_math.h). Included from tests/CMakeLists.txt after include(GoogleTest).
# The headers are header-only and need no library; the test links only GoogleTest.
add_executable(hls_headers_test
    ${CMAKE_CURRENT_LIST_DIR}/hls_headers/ap_int_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hls_headers/ap_fixed_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hls_headers/hls_stream_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hls_headers/hls_kernel_test.cpp)
target_include_directories(hls_headers_test PRIVATE ${PROJECT_SOURCE_DIR}/frontend/hls/include)
target_link_libraries(hls_headers_test PRIVATE GTest::gtest_main)
# hls_kernel_test.cpp is written as a Vitis kernel: #pragma HLS lines and loop labels, which
# g++ reports under -Wall as unknown pragmas and unused labels.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/hls_headers/hls_kernel_test.cpp
    PROPERTIES COMPILE_OPTIONS "-Wno-unknown-pragmas;-Wno-unused-label")
# Every test name starts with "hls_headers." so `ctest -R hls_headers` selects exactly these.
gtest_discover_tests(hls_headers_test TEST_PREFIX "hls_headers." DISCOVERY_TIMEOUT 30)
