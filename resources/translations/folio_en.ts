<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>Tagged %n article(s) with %1</source>
        <translation>
            <numerusform>Tagged %n article with %1</numerusform>
            <numerusform>Tagged %n articles with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %n article(s)</source>
        <translation>
            <numerusform>Took %1 off %n article</numerusform>
            <numerusform>Took %1 off %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::AnnotationPanel</name>
    <message numerus="yes">
        <source>Edited (%Ln earlier version(s))</source>
        <translation>
            <numerusform>Edited (%Ln earlier version)</numerusform>
            <numerusform>Edited (%Ln earlier versions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::ArticleListModel</name>
    <message numerus="yes">
        <source>%Ln highlight(s) or note(s)</source>
        <translation>
            <numerusform>%Ln highlight or note</numerusform>
            <numerusform>%Ln highlights or notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::FeedController</name>
    <message numerus="yes">
        <source>Subscribed to %1: %Ln new article(s)</source>
        <translation>
            <numerusform>Subscribed to %1: %Ln new article</numerusform>
            <numerusform>Subscribed to %1: %Ln new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %Ln feed(s): </source>
        <translation>
            <numerusform>Refreshed %Ln feed: </numerusform>
            <numerusform>Refreshed %Ln feeds: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new article(s)</source>
        <translation>
            <numerusform>%Ln new article</numerusform>
            <numerusform>%Ln new articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed (see the sidebar)</source>
        <translation>
            <numerusform>%Ln failed (see the sidebar)</numerusform>
            <numerusform>%Ln failed (see the sidebar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) removed</source>
        <translation>
            <numerusform>%Ln article removed</numerusform>
            <numerusform>%Ln articles removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept</source>
        <translation>
            <numerusform>%Ln kept</numerusform>
            <numerusform>%Ln kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new feed(s)</source>
        <translation>
            <numerusform>%Ln new feed</numerusform>
            <numerusform>%Ln new feeds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscribed already</source>
        <translation>
            <numerusform>%Ln subscribed already</numerusform>
            <numerusform>%Ln subscribed already</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::MainWindow</name>
    <message numerus="yes">
        <source>Mark %Ln article(s) as read</source>
        <translation>
            <numerusform>Mark %Ln article as read</numerusform>
            <numerusform>Mark %Ln articles as read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %Ln article(s) as read — Ctrl+Z undoes it</source>
        <translation>
            <numerusform>Marked %Ln article as read — Ctrl+Z undoes it</numerusform>
            <numerusform>Marked %Ln articles as read — Ctrl+Z undoes it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln unread</source>
        <translation>
            <numerusform>%1 · %Ln unread</numerusform>
            <numerusform>%1 · %Ln unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln undated article(s) are hidden.</source>
        <translation>
            <numerusform>%Ln undated article is hidden.</numerusform>
            <numerusform>%Ln undated articles are hidden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import finished: %Ln new article(s)</source>
        <translation>
            <numerusform>Import finished: %Ln new article</numerusform>
            <numerusform>Import finished: %Ln new articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::OfflineController</name>
    <message numerus="yes">
        <source>Making %Ln article(s) available offline…</source>
        <translation>
            <numerusform>Making %Ln article available offline…</numerusform>
            <numerusform>Making %Ln articles available offline…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::SearchController</name>
    <message numerus="yes">
        <source>Tagged %Ln article(s) with %1</source>
        <translation>
            <numerusform>Tagged %Ln article with %1</numerusform>
            <numerusform>Tagged %Ln articles with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %1 off %Ln article(s)</source>
        <translation>
            <numerusform>Took %1 off %Ln article</numerusform>
            <numerusform>Took %1 off %Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>folio::TagTreeModel</name>
    <message numerus="yes">
        <source>%1: %Ln article(s)</source>
        <translation>
            <numerusform>%1: %Ln article</numerusform>
            <numerusform>%1: %Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln unread</numerusform>
            <numerusform>%Ln unread</numerusform>
        </translation>
    </message>
</context>
</TS>
