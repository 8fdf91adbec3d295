# Warnings and sanitizers for every target of this project (not for consumers of the installed package).

add_compile_options(-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
                    -Wformat=2 -Wimplicit-fallthrough)

# Strict Qt: no implicit conversions between QString and const char *, no foreach, no narrowing QUrl casts.
add_compile_definitions(QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
                        QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_FOREACH
                        QT_NO_KEYWORDS QT_USE_QSTRINGBUILDER)

if(QTSCHEDULER_SANITIZE)
    message(STATUS "QtScheduler: building with -fsanitize=${QTSCHEDULER_SANITIZE}")
    add_compile_options(-fsanitize=${QTSCHEDULER_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${QTSCHEDULER_SANITIZE})
endif()
