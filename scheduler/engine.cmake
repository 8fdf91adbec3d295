# The engine and what surrounds it (scheduler/ itself): errors, and later jobs, events, configuration.
target_sources(QtScheduler PRIVATE
    schedulererror.h schedulererror.cpp
)
