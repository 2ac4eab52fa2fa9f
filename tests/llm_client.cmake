# Tests of veriloop_llm (included from tests/CMakeLists.txt after include(GoogleTest)).
# The client tests talk real HTTP to tests/llm_client/fixture_llm_server.py, a scripted
# stand-in for an OpenAI-compatible server that each test starts on an ephemeral port.
# The Debian interpreter first (a version-manager shim on PATH costs ~0.2 s per start);
# -DVERILOOP_TEST_PYTHON3=... picks another one. Without Python the HTTP tests skip themselves.
find_program(VERILOOP_TEST_PYTHON3 NAMES python3 HINTS /usr/bin /bin
             DOC "Python 3 that runs tests/llm_client/fixture_llm_server.py")
if(NOT VERILOOP_TEST_PYTHON3)
    set(VERILOOP_TEST_PYTHON3 "")
endif()

add_executable(llm_client_test
    ${CMAKE_CURRENT_LIST_DIR}/llm_client/llm_client_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/llm_client/llm_patch_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/llm_client/llm_prompt_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/llm_client/fixture_server.cpp)
target_link_libraries(llm_client_test PRIVATE veriloop_llm SQLite::SQLite3 GTest::gtest_main)
target_compile_definitions(llm_client_test PRIVATE
    VERILOOP_TEST_PYTHON3="${VERILOOP_TEST_PYTHON3}"
    VERILOOP_LLM_FIXTURE="${CMAKE_CURRENT_LIST_DIR}/llm_client/fixture_llm_server.py"
    VERILOOP_LLM_PROMPT_DIR="${CMAKE_CURRENT_LIST_DIR}/../llm_client/prompts")
# Every test name starts with "llm_client." so `ctest -R llm` selects exactly these.
gtest_discover_tests(llm_client_test TEST_PREFIX "llm_client." DISCOVERY_TIMEOUT 30)
