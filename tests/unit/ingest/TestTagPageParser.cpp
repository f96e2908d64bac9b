// placeholder
#include <QTest>
class TestTagPageParser : public QObject { Q_OBJECT };
QTEST_APPLESS_MAIN(TestTagPageParser)
#include "TestTagPageParser.moc"
