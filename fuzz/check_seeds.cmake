# Test fuzz_seeds.up_to_date: regenerating the seed corpus from the vectors must reproduce the
# checked-in fuzz/corpus exactly, so a vector change cannot leave the corpus stale.
execute_process(COMMAND ${GENERATOR} ${VECTORS} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the seed generator failed (${rc})")
endif()
execute_process(COMMAND diff -r --brief ${EXPECTED} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "fuzz/corpus is stale: run rtcseal_fuzz_seeds vectors fuzz/corpus")
endif()
