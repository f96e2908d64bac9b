// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterBar.h"

#include "storage/QueryParser.h"

#include <QCheckBox>
#include <QEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QVBoxLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace folio {

namespace {

constexpr int kTextDelayMs = 250;

} // namespace

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"searchLineEdit"_s);
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this); // Escape clears the search

    m_presets = new QComboBox(this);
    m_presets->setObjectName(u"datePresetComboBox"_s);
    for (const Preset p : {AllTime, Today, Last7Days, Last30Days, ThisYear, Custom}) {
        m_presets->addItem(QString(), p);
    }
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(today.addDays(-30), this);
    m_from->setObjectName(u"fromDateEdit"_s);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(u"toDateEdit"_s);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setEnabled(false);
    }

    m_dateField = new QComboBox(this);
    m_dateField->setObjectName(u"dateFieldComboBox"_s);
    m_dateField->addItem(QString(), static_cast<int>(ArticleQuery::DateField::Published));
    m_dateField->addItem(QString(), static_cast<int>(ArticleQuery::DateField::Added));
    m_dateField->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_undated = new QCheckBox(this);
    m_undated->setObjectName(u"undatedCheckBox"_s);

    // Two rows: the search box gets the whole width; the date controls sit below it.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->setSpacing(4);
    outer->addWidget(m_search);
    auto* layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(layout);
    layout->addWidget(m_dateField);
    layout->addWidget(m_presets);
    m_fromLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_from);
    layout->addWidget(m_fromLabel);
    layout->addWidget(m_from);
    m_toLabel = new QLabel(this);
    m_toLabel->setBuddy(m_to);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_to);
    layout->addWidget(m_undated);
    layout->addStretch(1);

    m_textDelay.setSingleShot(true);
    m_textDelay.setInterval(kTextDelayMs);
    connect(&m_textDelay, &QTimer::timeout, this, &FilterBar::filterChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_textDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_textDelay.stop();
        Q_EMIT filterChanged();
    });
    connect(m_presets, &QComboBox::currentIndexChanged, this, &FilterBar::onPresetChanged);
    connect(m_dateField, &QComboBox::currentIndexChanged, this, &FilterBar::filterChanged);
    connect(m_undated, &QCheckBox::toggled, this, &FilterBar::filterChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &FilterBar::onDatesEdited);
    connect(m_to, &QDateEdit::dateChanged, this, &FilterBar::onDatesEdited);
    retranslate();
    onPresetChanged(); // nobody listens yet: this only sets up the row for All time
}

void FilterBar::retranslate()
{
    m_search->setPlaceholderText(tr("Search: words, \"phrases\", OR, -word, tag:NAME, published>=YYYY-MM-DD (Ctrl+F)"));
    const QStringList presets = {tr("All time"), tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("This year"),
                                 tr("Custom range")};
    for (int i = 0; i < presets.size(); ++i) {
        m_presets->setItemText(i, presets.at(i));
    }
    m_presets->setToolTip(tr("Only articles published in this period (undated articles are left out)"));
    m_dateField->setItemText(0, tr("Published"));
    m_dateField->setItemText(1, tr("Added"));
    m_dateField->setToolTip(tr("Filter on the date an article was published or the date it was added to the library"));
    m_undated->setText(tr("Undated"));
    m_undated->setToolTip(tr("Also show articles without a publication date when a date range is set"));
    m_fromLabel->setText(tr("From"));
    m_toLabel->setText(tr("to"));
}

bool FilterBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && !m_search->text().isEmpty()
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape
        && static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        // Escape in a search box with text clears it, before any window shortcut on Escape.
        event->accept();
        if (event->type() == QEvent::KeyPress) {
            m_search->clear();
            m_textDelay.stop();
            Q_EMIT filterChanged();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void FilterBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

std::pair<QDate, QDate> FilterBar::presetRange(Preset preset, const QDate& today)
{
    switch (preset) {
    case Today:
        return {today, today};
    case Last7Days:
        return {today.addDays(-6), today};
    case Last30Days:
        return {today.addDays(-29), today};
    case ThisYear:
        return {QDate(today.year(), 1, 1), QDate(today.year(), 12, 31)};
    case AllTime:
    case Custom:
        break;
    }
    return {};
}

void FilterBar::onPresetChanged()
{
    const auto p = preset();
    m_from->setEnabled(p != AllTime);
    m_to->setEnabled(p != AllTime);
    // All time needs no dates: the row stays short enough for a narrow list.
    for (QWidget* w : {static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to), static_cast<QWidget*>(m_fromLabel),
                       static_cast<QWidget*>(m_toLabel)}) {
        w->setVisible(p != AllTime);
    }
    syncUndatedBox();
    if (p != AllTime && p != Custom) {
        const auto [from, to] = presetRange(p, QDate::currentDate());
        m_updating = true;
        m_from->setDate(from);
        m_to->setDate(to);
        m_updating = false;
    }
    Q_EMIT filterChanged();
}

void FilterBar::onDatesEdited()
{
    if (m_updating) {
        return;
    }
    if (preset() != Custom) {
        m_presets->blockSignals(true);
        m_presets->setCurrentIndex(m_presets->findData(Custom));
        m_presets->blockSignals(false);
        m_from->setEnabled(true);
        m_to->setEnabled(true);
        for (QWidget* w : {static_cast<QWidget*>(m_from), static_cast<QWidget*>(m_to),
                           static_cast<QWidget*>(m_fromLabel), static_cast<QWidget*>(m_toLabel)}) {
            w->setVisible(true);
        }
    }
    Q_EMIT filterChanged();
}

void FilterBar::syncUndatedBox()
{
    // Without a range undated articles always show: the box says so, and keeps the user's
    // choice for the next range.
    const QSignalBlocker block(m_undated);
    if (preset() == AllTime) {
        if (m_undated->isEnabled()) {
            m_undatedChoice = m_undated->isChecked();
        }
        m_undated->setChecked(true);
        m_undated->setEnabled(false);
    } else if (!m_undated->isEnabled()) {
        m_undated->setChecked(m_undatedChoice);
        m_undated->setEnabled(true);
    }
}

void FilterBar::setIncludeUndated(bool on)
{
    m_undatedChoice = on;
    if (m_undated->isEnabled()) {
        m_undated->setChecked(on); // toggled → filterChanged
    }
}

void FilterBar::clear()
{
    m_search->clear();
    setPreset(AllTime);
    Q_EMIT filterChanged();
}

void FilterBar::setPreset(Preset p)
{
    m_presets->setCurrentIndex(m_presets->findData(p));
}

FilterBar::Preset FilterBar::preset() const
{
    return static_cast<Preset>(m_presets->currentData().toInt());
}

void FilterBar::setRange(const QDate& from, const QDate& to)
{
    setPreset(Custom);
    m_from->setDate(from);
    m_to->setDate(to);
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

ArticleQuery::DateField FilterBar::dateField() const
{
    return static_cast<ArticleQuery::DateField>(m_dateField->currentData().toInt());
}

void FilterBar::setDateField(ArticleQuery::DateField field)
{
    m_dateField->setCurrentIndex(m_dateField->findData(static_cast<int>(field)));
}

void FilterBar::applyTo(ArticleQuery& query) const
{
    const QString previousError = m_error;
    auto parsed = QueryParser::parse(m_search->text());
    m_error = parsed ? QString() : parsed.error().message;
    if (m_error != previousError) {
        m_search->setToolTip(m_error);
        m_search->setStyleSheet(m_error.isEmpty() ? QString() : u"QLineEdit { color: #b00020; }"_s);
        Q_EMIT const_cast<FilterBar*>(this)->searchError(m_error);
    }
    if (parsed) {
        const ArticleQuery& box = parsed.value();
        query.text = query.text.isEmpty() ? box.text : (box.text.isEmpty() ? query.text : query.text + u' ' + box.text);
        for (const QString& tag : box.tags) {
            if (!query.tags.contains(tag, Qt::CaseInsensitive)) {
                query.tags.append(tag);
            }
        }
        if (box.tagMatch == ArticleQuery::TagMatch::Any) {
            query.tagMatch = ArticleQuery::TagMatch::Any;
        }
        query.excludedTags.append(box.excludedTags);
        if (box.feedId) {
            query.feedId = box.feedId;
        }
        query.unreadOnly = query.unreadOnly || box.unreadOnly;
        query.readOnly = query.readOnly || box.readOnly;
        query.bookmarkedOnly = query.bookmarkedOnly || box.bookmarkedOnly;
        query.annotatedOnly = query.annotatedOnly || box.annotatedOnly;
        query.notedOnly = query.notedOnly || box.notedOnly;
        query.includeUndated = query.includeUndated || box.includeUndated;
        if (box.since || box.until) {
            query.dateField = box.dateField;
            query.since = box.since;
            query.until = box.until;
        }
    }
    // Best match first while searching, newest first again afterwards.
    const bool searching = !query.text.trimmed().isEmpty();
    if (searching && !m_wasSearching) {
        query.sort = ArticleQuery::Sort::Relevance;
    } else if (!searching && query.sort == ArticleQuery::Sort::Relevance) {
        query.sort = ArticleQuery::Sort::DateDesc;
    }
    m_wasSearching = searching;
    if (preset() == AllTime) {
        return;
    }
    query.includeUndated = query.includeUndated || m_undated->isChecked();
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (from > to) {
        std::swap(from, to);
    }
    // Local days, as the reader sees them.
    query.dateField = dateField();
    query.since = from.startOfDay().toSecsSinceEpoch();
    query.until = to.addDays(1).startOfDay().toSecsSinceEpoch();
}

} // namespace folio
