// SPDX-FileCopyrightText: 2026 The Folio authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Annotation.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace folio {

/// The annotations of the article in the reader: quote, note, colour and time, detached ones
/// marked. Emits what the reader asks for; the AnnotationController does it.
class AnnotationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AnnotationPanel(QWidget* parent = nullptr);

    void setAnnotations(const QList<Annotation>& annotations);
    const QList<Annotation>& annotations() const { return m_annotations; }
    /// The selected annotation, if any.
    std::optional<Annotation> currentAnnotation() const;
    /// Selects the annotation with this id (returns false when it is not listed).
    bool selectAnnotation(qint64 id);

Q_SIGNALS:
    void annotationActivated(const folio::Annotation& annotation);
    void colorChosen(const folio::Annotation& annotation, const QString& color);
    void editNoteRequested(const folio::Annotation& annotation);
    void deleteRequested(const folio::Annotation& annotation);
    void articleNoteRequested();

private:
    void updateButtons();

    QList<Annotation> m_annotations;
    QListWidget* m_list = nullptr;
    QComboBox* m_color = nullptr;
    QPushButton* m_note = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_articleNote = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace folio
