// Tests of veriloop's hls_stream.h (frontend/hls/include): FIFO order, every read and write
// form, depth and non-blocking calls, and the crash on reading an empty stream.
#include <gtest/gtest.h>

#include <string>

#include "ap_int.h"
#include "hls_stream.h"

namespace {

TEST(HlsStream, KeepsFifoOrder) {
    hls::stream<int> s("fifo");
    for (int i = 1; i <= 5; ++i) s.write(i * 10);
    EXPECT_EQ(s.size(), 5u);
    for (int i = 1; i <= 5; ++i) EXPECT_EQ(s.read(), i * 10);  // 10, 20, ... in write order
    EXPECT_TRUE(s.empty());
}

TEST(HlsStream, AllReadAndWriteForms) {
    hls::stream<ap_uint<12>> s;
    s << ap_uint<12>(0xABC);  // operator<<
    s.write(7);               // write(const T&), converting the int
    s.write(ap_uint<12>(1) << 11);
    ap_uint<12> a;
    ap_uint<12> b;
    s >> a;     // operator>>
    s.read(b);  // read(T&)
    EXPECT_EQ(a, 0xABC);
    EXPECT_EQ(b, 7);
    EXPECT_EQ(s.read(), 2048);  // read()
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.name(), "unnamed");
}

TEST(HlsStream, NonBlockingCallsAndDepth) {
    hls::stream<int, 2> s("bounded");
    EXPECT_FALSE(s.full());
    EXPECT_TRUE(s.write_nb(1));
    EXPECT_TRUE(s.write_nb(2));
    EXPECT_TRUE(s.full());        // two elements in a depth-2 stream
    EXPECT_FALSE(s.write_nb(3));  // refused, nothing written
    EXPECT_EQ(s.size(), 2u);
    int v = -1;
    EXPECT_TRUE(s.read_nb(v));
    EXPECT_EQ(v, 1);
    EXPECT_TRUE(s.read_nb(v));
    EXPECT_EQ(v, 2);
    EXPECT_FALSE(s.read_nb(v));  // empty: false and v untouched
    EXPECT_EQ(v, 2);
    hls::stream<int> unbounded;
    for (int i = 0; i < 1000; ++i) unbounded.write(i);
    EXPECT_FALSE(unbounded.full());  // no depth given: never full
    EXPECT_EQ(hls::stream<int>::capacity(), 0);
}

struct Packet {
    ap_uint<8> data;
    bool last;
};

TEST(HlsStream, CarriesStructs) {
    hls::stream<Packet> s(std::string("packets"));
    s.write({0x11, false});
    s.write({0x22, true});
    const Packet first = s.read();
    const Packet second = s.read();
    EXPECT_EQ(first.data, 0x11);
    EXPECT_FALSE(first.last);
    EXPECT_EQ(second.data, 0x22);
    EXPECT_TRUE(second.last);
    EXPECT_EQ(s.name(), "packets");
}

TEST(HlsStreamDeathTest, ReadingAnEmptyStreamAborts) {
    hls::stream<int> s("in_s");
    EXPECT_DEATH((void)s.read(), "ERROR: hls::stream 'in_s' read while empty");
    int v = 0;
    EXPECT_DEATH(s >> v, "ERROR: hls::stream 'in_s' read while empty");
    s.write(1);
    s.read(v);
    EXPECT_DEATH(s.read(v), "ERROR: hls::stream 'in_s' read while empty");  // drained again
    hls::stream<int> anonymous;
    EXPECT_DEATH((void)anonymous.read(), "ERROR: hls::stream 'unnamed' read while empty");
}

}  // namespace
